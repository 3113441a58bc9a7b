// Incident views: plain JSON shapes shared by the API, the pages and the client (no Prisma import).
import type { IncidentStatus, Severity } from "../schemas";

export type IncidentTypeSummary = { key: string; label: string; responseMinutes: number; resolutionMinutes: number };

export type IncidentSummary = {
  id: string;
  title: string;
  type: IncidentTypeSummary;
  severity: Severity;
  status: IncidentStatus;
  commanderName: string | null;
  public: boolean;
  targetIds: string[];
  repositories: string[];
  startedAt: string;
  detectedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  /** startedAt + the type's response target. */
  responseDueAt: string;
  /** Not acknowledged by responseDueAt (still open and past it, or acknowledged after it). */
  responseBreached: boolean;
  resolutionProposedAt: string | null;
  latestUpdate: { body: string; at: string; actorName: string | null } | null;
};

export type TimelineEvent = {
  id: string;
  kind: string;
  source: string;
  status: IncidentStatus | null;
  /** Plain text for automatic events; sanitized HTML (from markdown) for people's updates and notes. */
  body: string;
  html: string | null;
  public: boolean;
  actorName: string | null;
  at: string;
  link: string | null;
};

export type Postmortem = {
  summary: string;
  rootCause: string;
  impact: string;
  timelineExcerpt: string;
  actionItems: Array<{ text: string; done: boolean }>;
  html: { summary: string; rootCause: string; impact: string; timelineExcerpt: string };
};

/** A GitHub issue or pull request related to the incident (how: manual | reference | origin). */
export type RelatedItem = {
  id: string;
  repoKey: string;
  number: number;
  kind: string;
  title: string;
  url: string;
  state: string;
  how: string;
};

export type IncidentDetail = IncidentSummary & {
  commanderId: string | null;
  related: RelatedItem[];
  timeline: TimelineEvent[];
  procedure: string[];
  targets: Array<{ id: string; name: string; slug: string }>;
  postmortem: Postmortem | null;
};
