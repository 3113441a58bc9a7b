// Reads for the board, the incident page and the API.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { Incident, IncidentEvent, Prisma } from "@/lib/generated/prisma/client";
import { renderMarkdown } from "../markdown";
import { PostmortemInput, type ListIncidentsQuery } from "../schemas";
import { getIncidentTypes, type IncidentTypeView } from "../types";
import type { IncidentDetail, IncidentSummary, Postmortem, TimelineEvent } from "./views";

const PEOPLE_KINDS = new Set(["update", "note", "resolved"]);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function typeOf(types: IncidentTypeView[], key: string) {
  const t = types.find((x) => x.key === key) ?? {
    key,
    label: key,
    responseMinutes: 60,
    resolutionMinutes: 14 * 24 * 60,
  };
  return { key: t.key, label: t.label, responseMinutes: t.responseMinutes, resolutionMinutes: t.resolutionMinutes };
}

export function summarize(
  i: Incident,
  types: IncidentTypeView[],
  latest: IncidentEvent | undefined,
  now: Date,
): IncidentSummary {
  const type = typeOf(types, i.typeKey);
  const due = new Date(i.startedAt.getTime() + type.responseMinutes * 60_000);
  const breached = i.acknowledgedAt ? i.acknowledgedAt > due : i.resolvedAt ? i.resolvedAt > due : now > due;
  return {
    id: i.id,
    title: i.title,
    type,
    severity: i.severity,
    status: i.status,
    commanderName: i.commanderName,
    public: i.public,
    targetIds: i.targetIds,
    repositories: i.repositories,
    startedAt: i.startedAt.toISOString(),
    detectedAt: i.detectedAt.toISOString(),
    acknowledgedAt: iso(i.acknowledgedAt),
    acknowledgedBy: i.acknowledgedByName,
    mitigatedAt: iso(i.mitigatedAt),
    resolvedAt: iso(i.resolvedAt),
    responseDueAt: due.toISOString(),
    responseBreached: breached,
    resolutionProposedAt: iso(i.resolutionProposedAt),
    latestUpdate: latest
      ? { body: latest.body.slice(0, 280), at: latest.at.toISOString(), actorName: latest.actorName }
      : null,
  };
}

export async function listIncidents(query: ListIncidentsQuery, now: Date = new Date()): Promise<IncidentSummary[]> {
  const where: Prisma.IncidentWhereInput = {};
  if (query.status === "open") where.resolvedAt = null;
  if (query.status === "resolved") where.resolvedAt = { not: null };
  if (query.type) where.typeKey = query.type;
  if (query.severity) where.severity = query.severity;
  if (query.from || query.to) where.startedAt = { gte: query.from, lt: query.to };
  const [types, rows] = await Promise.all([
    getIncidentTypes(),
    db.incident.findMany({
      where,
      orderBy: { startedAt: "desc" },
      take: 500,
      include: { events: { where: { kind: { in: ["update", "resolved"] } }, orderBy: { at: "desc" }, take: 1 } },
    }),
  ]);
  return rows.map((r) => summarize(r, types, r.events[0], now));
}

function linkOf(detail: Prisma.JsonValue | null): string | null {
  if (
    detail &&
    typeof detail === "object" &&
    !Array.isArray(detail) &&
    typeof detail.url === "string" &&
    /^https?:\/\//.test(detail.url)
  )
    return detail.url;
  return null;
}

export function timelineEvent(e: IncidentEvent): TimelineEvent {
  const person = e.source === "person" && PEOPLE_KINDS.has(e.kind);
  return {
    id: e.id,
    kind: e.kind,
    source: e.source,
    status: e.status,
    body: e.body,
    html: person ? renderMarkdown(e.body) : null,
    public: e.public,
    actorName: e.actorName,
    at: e.at.toISOString(),
    link: linkOf(e.detail),
  };
}

function postmortemOf(value: Prisma.JsonValue | null): Postmortem | null {
  const parsed = PostmortemInput.safeParse(value);
  if (!value || !parsed.success) return null;
  const p = parsed.data;
  return {
    ...p,
    html: {
      summary: renderMarkdown(p.summary),
      rootCause: renderMarkdown(p.rootCause),
      impact: renderMarkdown(p.impact),
      timelineExcerpt: renderMarkdown(p.timelineExcerpt),
    },
  };
}

export async function getIncident(id: string, now: Date = new Date()): Promise<IncidentDetail> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ApiError(404, "not_found", "No such incident.");
  const [types, incident] = await Promise.all([
    getIncidentTypes(),
    db.incident.findUnique({
      where: { id },
      include: {
        events: { orderBy: [{ at: "desc" }, { id: "desc" }] },
        links: { orderBy: { createdAt: "asc" } },
      },
    }),
  ]);
  if (!incident) throw new ApiError(404, "not_found", "No such incident.");
  const latest = incident.events.find((e) => e.kind === "update" || e.kind === "resolved");
  const targets = await db.healthTarget.findMany({
    where: { id: { in: incident.targetIds } },
    select: { id: true, name: true, slug: true },
  });
  return {
    ...summarize(incident, types, latest, now),
    commanderId: incident.commanderId,
    related: incident.links.map((l) => ({
      id: l.id,
      repoKey: l.repoKey,
      number: l.number,
      kind: l.kind,
      title: l.title,
      url: l.url,
      state: l.state,
      how: l.how,
    })),
    timeline: incident.events.map(timelineEvent),
    procedure: types.find((t) => t.key === incident.typeKey)?.procedure ?? [],
    targets,
    postmortem: postmortemOf(incident.postmortem),
  };
}
