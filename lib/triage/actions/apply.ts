// Applies one GitHub-confirmed step to the stored copy at once (the next sync confirms it).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { upsertRows } from "@/lib/github/sync/bulk";
import { refreshItemFacts } from "@/lib/metrics/facts/refresh";
import { refreshTriageOutcomes } from "../outcomes";
import { commentRow, eventRow } from "@/lib/github/sync/map-items";
import { COMMENTS, EVENTS } from "@/lib/github/sync/tables";
import type { GqlComment, GqlEvent } from "@/lib/github/queries/types";
import type { GqlLabelEvent } from "../graphql/mutations";
import type { LabelRef } from "./plan";

type Tx = Prisma.TransactionClient;
type Item = { id: string; repoId: string };

async function storeLabelEvents(tx: Tx, item: Item, events: GqlLabelEvent[]): Promise<void> {
  const rows = events.flatMap((e) => {
    const row = eventRow(item.repoId, item.id, e as unknown as GqlEvent);
    return row ? [row] : [];
  });
  await upsertRows(tx, EVENTS, rows);
}

export async function applyAddLabels(
  tx: Tx,
  item: Item,
  labels: LabelRef[],
  events: GqlLabelEvent[],
  now: Date,
): Promise<void> {
  await tx.githubItemLabel.createMany({
    data: labels.map((l) => ({ itemId: item.id, labelId: l.id })),
    skipDuplicates: true,
  });
  await storeLabelEvents(tx, item, events);
  await tx.githubItem.update({ where: { id: item.id }, data: { updatedAt: now } });
  await refreshTriageOutcomes(tx, [item.id]); // labels decide priority and type: the stored queue row follows
}

export async function applyRemoveLabels(
  tx: Tx,
  item: Item,
  labels: LabelRef[],
  events: GqlLabelEvent[],
  now: Date,
): Promise<void> {
  await tx.githubItemLabel.deleteMany({ where: { itemId: item.id, labelId: { in: labels.map((l) => l.id) } } });
  await storeLabelEvents(tx, item, events);
  await tx.githubItem.update({ where: { id: item.id }, data: { updatedAt: now } });
  await refreshTriageOutcomes(tx, [item.id]); // labels decide priority and type: the stored queue row follows
}

export async function applyComment(tx: Tx, item: Item, comment: GqlComment): Promise<void> {
  await upsertRows(tx, COMMENTS, [commentRow(item.repoId, item.id, comment)]);
  await tx.githubItem.update({
    where: { id: item.id },
    data: { commentCount: { increment: 1 }, updatedAt: new Date(comment.updatedAt) },
  });
  await refreshItemFacts(tx, [item.id]);
}

export async function applyClose(
  tx: Tx,
  item: Item,
  issue: { state: string; stateReason: string | null; closedAt: string | null; updatedAt: string },
): Promise<void> {
  await tx.githubItem.update({
    where: { id: item.id },
    data: {
      state: issue.state,
      stateReason: issue.stateReason,
      closedAt: issue.closedAt ? new Date(issue.closedAt) : new Date(),
      updatedAt: new Date(issue.updatedAt),
    },
  });
  await refreshItemFacts(tx, [item.id]);
}
