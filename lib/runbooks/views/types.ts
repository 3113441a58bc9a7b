// JSON views of runbooks, runs and history (dates as ISO strings), shared by pages, API and client components.
import type { CheckResult } from "@/lib/runbooks/checks/ids";

export type CompletionView = {
  status: string;
  source: string;
  byName: string | null;
  at: string;
  note: string | null;
  evidence: string | null;
  evidenceUrl: string | null;
};
export type ItemView = {
  id: string;
  text: string;
  kind: string;
  nested: boolean;
  checkId: string | null;
  live: CheckResult | null;
  completion: CompletionView | null;
};
export type RunStatus = "due" | "overdue" | "in_progress" | "on_time" | "late" | "skipped";
export type RunView = {
  id: string;
  runbookTitle: string;
  sectionId: string;
  sectionTitle: string;
  path: string[];
  label: string | null;
  /** Procedure runs: the release version its observed steps match, and the incident it was started from. */
  version: string | null;
  incident: { id: string; title: string } | null;
  periodKey: string;
  cadence: string;
  dueAt: string;
  status: RunStatus;
  skipReason: string | null;
  progress: { done: number; total: number };
  signOff: { byName: string; at: string; note: string | null } | null;
  items: ItemView[];
  commands: Array<{ lang: string | null; code: string }>;
};
/** The next due time of a section in a window, and how many runs fall in it. */
export type UpcomingView = {
  sectionId: string;
  sectionTitle: string;
  runbookTitle: string;
  dueAt: string;
  cadence: string;
  count: number;
};
export type StripView = Array<CheckResult & { label: string; definition: string; passCondition: string }>;
export type ProcedureView = { sectionId: string; title: string; runbookTitle: string; steps: number };
export type TodayView = {
  generatedAt: string;
  timeZone: string;
  hasRunbooks: boolean;
  runs: RunView[];
  week: UpcomingView[];
  month: UpcomingView[];
  strip: StripView;
  procedures: ProcedureView[];
};

export type SectionView = {
  id: string;
  title: string;
  path: string[];
  rrule: string | null;
  onDemand: boolean;
  businessHoursOnly: boolean;
  cadenceText: string | null;
  cadence: string;
  dueTime: string;
  /** Fields a person set (rrule, onDemand, businessHoursOnly, dueTime): a re-import keeps them. */
  edited: string[];
  removed: boolean;
  guidanceHtml: string;
  commands: Array<{ lang: string | null; code: string }>;
  items: Array<{ id: string; text: string; kind: string; nested: boolean; checkId: string | null; removed: boolean }>;
};
export type RunbookView = {
  id: string;
  slug: string;
  title: string;
  source: string;
  active: boolean;
  importedAt: string;
  sections: SectionView[];
};
export type HistoryBucket = {
  start: string;
  label: string;
  onTime: number;
  late: number;
  missed: number;
  open: number;
};
export type HistoryEvent = {
  at: string;
  who: string;
  what: string;
  run: string;
  evidence: string | null;
  evidenceUrl: string | null;
  note: string | null;
};
export type HistoryView = {
  range: "week" | "month";
  /** The team's time zone the buckets are cut in. */
  timeZone: string;
  buckets: HistoryBucket[];
  events: HistoryEvent[];
  definition: string;
};
