import { z } from "zod";

/** POST /api/v1/incidents/<id>/action-items: turn the postmortem's action item number `item` (0-based) into an issue. */
export const CreateActionItemIssueInput = z.object({
  item: z.number().int().min(0).max(99),
  repository: z
    .string()
    .trim()
    .regex(/^[\w.-]+\/[\w.-]+$/, "owner/name"),
});
export type CreateActionItemIssueInput = z.infer<typeof CreateActionItemIssueInput>;

/** An action item's GitHub issue as the postmortem shows it; `state` is the synced issue's (null until synced). */
export type ActionItemIssueLink = {
  itemKey: string;
  itemText: string;
  repository: string;
  status: "creating" | "created";
  number: number | null;
  url: string | null;
  state: "OPEN" | "CLOSED" | null;
  closedAt: string | null;
};

export type ActionItemIssues = {
  links: ActionItemIssueLink[];
  /** Synced repositories an issue can be created in ("owner/name"), the incident's own first. */
  repositories: string[];
};
