// Triage settings and API inputs (no Prisma here, so client code can share them).
import { z } from "zod";

export const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const TYPES = ["bug", "enhancement", "question", "documentation"] as const;
export type ItemType = (typeof TYPES)[number];

export const ITEM_STATES = ["within", "due_soon", "breached", "responded", "responded_late"] as const;
export type ItemState = (typeof ITEM_STATES)[number];
export type StaleAction = "ask" | "close";

const labelList = z.array(z.string().trim().min(1).max(100)).max(20);
const seconds = z
  .number()
  .int()
  .min(60)
  .max(365 * 86_400);

export const TriageConfig = z.object({
  priorityLabels: z.object({ P0: labelList, P1: labelList, P2: labelList, P3: labelList }),
  typeLabels: z.object({ bug: labelList, enhancement: labelList, question: labelList, documentation: labelList }),
  /** Labels starting with this prefix are status labels (`status-triage`, `status-stale`…). */
  statusPrefix: z.string().trim().min(1).max(50),
  targets: z.object({ P0: seconds, P1: seconds, P2: seconds, P3: seconds, triage: seconds }),
  /** Logins whose comments and reviews never count as a first response (case-insensitive). */
  ignoreLogins: z.array(z.string().trim().min(1).max(100)).max(200),
  staleAskDays: z.number().int().min(1).max(3650),
  staleCloseDays: z.number().int().min(1).max(3650),
  /** Posted by "ask for an update"; a comment containing its first sentence counts as an ask. */
  staleComment: z.string().trim().min(10).max(2000),
  staleLabel: z.string().trim().min(1).max(100),
});
export type TriageConfig = z.infer<typeof TriageConfig>;

const HOUR = 3600;
export const DEFAULT_TRIAGE_CONFIG: TriageConfig = {
  priorityLabels: {
    P0: ["priority-critical", "P0", "critical"],
    P1: ["priority-high", "P1"],
    P2: ["priority-medium", "P2"],
    P3: ["priority-low", "P3"],
  },
  typeLabels: { bug: ["bug"], enhancement: ["enhancement"], question: ["question"], documentation: ["documentation"] },
  statusPrefix: "status-",
  targets: { P0: 24 * HOUR, P1: 72 * HOUR, P2: 168 * HOUR, P3: 336 * HOUR, triage: 48 * HOUR },
  ignoreLogins: [],
  staleAskDays: 30,
  staleCloseDays: 14,
  staleComment: "Is this still an issue? If there's no response in 14 days, we'll close this. Please reopen if needed.",
  staleLabel: "status-stale",
};

export const TABS = ["needs_triage", "waiting", "breached", "stale", "review", "all"] as const;
export type TriageTab = (typeof TABS)[number];
export const TAB_LABELS: Record<TriageTab, string> = {
  needs_triage: "Needs triage",
  waiting: "Waiting for response",
  breached: "Breached",
  stale: "Stale",
  review: "Review queue",
  all: "All",
};

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The queue's view, as it appears in the page URL. */
export const TriageFilters = z.object({
  tab: z.preprocess(blankToUndefined, z.enum(TABS).default("needs_triage")),
  repo: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  priority: z.preprocess(blankToUndefined, z.enum([...PRIORITIES, "untriaged"]).optional()),
  type: z.preprocess(blankToUndefined, z.enum(TYPES).optional()),
  assignee: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  state: z.preprocess(blankToUndefined, z.enum(ITEM_STATES).optional()),
});
export type TriageFilters = z.infer<typeof TriageFilters>;

/** `state` of GET /api/v1/triage: `all` (every open item) or one item state, `untriaged` or `stale`. */
export const API_STATES = ["all", ...ITEM_STATES, "untriaged", "stale"] as const;
export const TriageApiQuery = z.object({
  repo: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, "Use owner/name.")
      .optional(),
  ),
  state: z.preprocess(blankToUndefined, z.enum(API_STATES).default("all")),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1000)),
  cursor: z.preprocess(blankToUndefined, z.string().max(300).optional()),
});
export type TriageApiQuery = z.infer<typeof TriageApiQuery>;

export const TriageSummaryQuery = z.object({
  repo: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, "Use owner/name.")
      .optional(),
  ),
  days: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(365).default(30)),
});

/** One triage action for one or more items (bulk); `confirm: false` only previews it. */
export const TriageAction = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("set_priority"), priority: z.enum(PRIORITIES) }),
  z.object({
    kind: z.literal("labels"),
    add: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
    remove: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
  }),
  z.object({ kind: z.literal("comment"), body: z.string().trim().min(1, "Write the comment.").max(10_000) }),
  z.object({ kind: z.literal("stale_ask") }),
  z.object({ kind: z.literal("stale_close") }),
]);
export type TriageAction = z.infer<typeof TriageAction>;

export const TriageActionRequest = z.object({
  itemIds: z.array(z.string().min(1).max(200)).min(1, "Select at least one item.").max(100),
  action: TriageAction,
  confirm: z.boolean().default(false),
});
export type TriageActionRequest = z.infer<typeof TriageActionRequest>;
