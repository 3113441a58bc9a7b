// The demo's incidents: one in progress (acknowledged, identified, with updates) and several resolved
// ones over the last three months with realistic timelines and postmortems. Data only; incidents.ts seeds it.
import type { Prisma } from "@/lib/generated/prisma/client";

export const MIN = 60_000;
type Step = {
  after: number;
  kind: string;
  source: string;
  body: string;
  status?: "investigating" | "identified" | "monitoring" | "resolved";
  actor?: string;
  public?: boolean;
};
export type DemoIncident = {
  title: string;
  type: string;
  severity: "SEV1" | "SEV2" | "SEV3";
  daysAgo: number;
  ack: number | null;
  mitigated: number | null;
  resolved: number | null;
  status: "investigating" | "identified" | "monitoring" | "resolved";
  commander: string;
  isPublic: boolean;
  steps: Step[];
  postmortem?: Prisma.InputJsonValue;
};

export const DEMO_INCIDENTS: DemoIncident[] = [
  {
    title: "Checkout API returns 502 for a third of requests",
    type: "outage",
    severity: "SEV1",
    daysAgo: 0,
    ack: 6,
    mitigated: null,
    resolved: null,
    status: "identified",
    commander: "Maya Chen",
    isPublic: true,
    steps: [
      {
        after: -50,
        kind: "suspect_release",
        source: "github",
        body: "Release v2.14.0 of acme/widgets published 50 min before the start",
      },
      {
        after: 0,
        kind: "opened",
        source: "health",
        body: "Opened automatically: checkout-api went critical (up)",
        status: "investigating",
      },
      { after: 0, kind: "alert_firing", source: "health", body: "checkout-api: up ok → critical (value 0)" },
      { after: 6, kind: "acknowledged", source: "person", body: "Acknowledged by maya", actor: "maya" },
      {
        after: 9,
        kind: "update",
        source: "person",
        body: "We are investigating elevated **502 errors** on checkout. Payments already made are safe.",
        actor: "maya",
        public: true,
      },
      {
        after: 14,
        kind: "alert_firing",
        source: "health",
        body: "checkout-api: response_time_ms warning → critical (value 1840)",
      },
      {
        after: 21,
        kind: "status",
        source: "person",
        body: "Status changed from investigating to identified",
        status: "identified",
        actor: "maya",
      },
      {
        after: 21,
        kind: "update",
        source: "person",
        body: "Cause identified: the connection pool size was halved in v2.14.0. Rolling back.",
        actor: "maya",
        public: true,
      },
      {
        after: 24,
        kind: "note",
        source: "person",
        body: "Rollback job `deploy-prod#4412` started; ETA 10 min.",
        actor: "victor",
      },
    ],
  },
  {
    title: "Search latency above 2 s after index rebuild",
    type: "performance",
    severity: "SEV2",
    daysAgo: 9,
    ack: 12,
    mitigated: 55,
    resolved: 140,
    status: "resolved",
    commander: "Victor Osei",
    isPublic: true,
    steps: [
      {
        after: 0,
        kind: "opened",
        source: "health",
        body: "Opened automatically: search went critical (response_time_ms)",
        status: "investigating",
      },
      { after: 12, kind: "acknowledged", source: "person", body: "Acknowledged by victor", actor: "victor" },
      {
        after: 30,
        kind: "update",
        source: "person",
        body: "Nightly index rebuild ran without the warm-up step. Re-running it.",
        status: "identified",
        actor: "victor",
        public: true,
      },
      {
        after: 55,
        kind: "status",
        source: "person",
        body: "Status changed from identified to monitoring",
        status: "monitoring",
        actor: "victor",
      },
      {
        after: 120,
        kind: "alert_cleared",
        source: "health",
        body: "search: response_time_ms critical → ok (value 92)",
      },
      {
        after: 140,
        kind: "resolved",
        source: "person",
        body: "Latency back under 100 ms for an hour.",
        status: "resolved",
        actor: "victor",
        public: true,
      },
    ],
    postmortem: {
      summary: "Search was slow (p95 above 2 s) for about two hours after the nightly index rebuild.",
      rootCause: "The rebuild script skipped the cache warm-up when run by cron (missing `WARM=1`).",
      impact: "About 18 % of searches took longer than 2 s; no errors, no data loss.",
      timelineExcerpt: "- 02:10 alert fired\n- 02:22 acknowledged\n- 03:05 warm-up re-run\n- 04:30 resolved",
      actionItems: [
        { text: "Set WARM=1 in the cron job", done: true },
        { text: "Alert on cache hit ratio below 80 %", done: false },
      ],
    },
  },
  {
    title: "Login page down after certificate expiry",
    type: "outage",
    severity: "SEV1",
    daysAgo: 23,
    ack: 4,
    mitigated: 25,
    resolved: 38,
    status: "resolved",
    commander: "Maya Chen",
    isPublic: true,
    steps: [
      {
        after: 0,
        kind: "opened",
        source: "health",
        body: "Opened automatically: login went critical (up)",
        status: "investigating",
      },
      { after: 4, kind: "acknowledged", source: "person", body: "Acknowledged by maya", actor: "maya" },
      {
        after: 10,
        kind: "update",
        source: "person",
        body: "TLS certificate expired; renewing.",
        status: "identified",
        actor: "maya",
        public: true,
      },
      {
        after: 38,
        kind: "resolved",
        source: "person",
        body: "Certificate renewed and auto-renewal fixed.",
        status: "resolved",
        actor: "maya",
        public: true,
      },
    ],
  },
  {
    title: "Exposed debug endpoint reported by a researcher",
    type: "security",
    severity: "SEV1",
    daysAgo: 41,
    ack: 3,
    mitigated: 20,
    resolved: 2 * 24 * 60,
    status: "resolved",
    commander: "Victor Osei",
    isPublic: false,
    steps: [
      {
        after: 0,
        kind: "opened",
        source: "person",
        body: "Incident opened: Exposed debug endpoint reported by a researcher",
        status: "investigating",
        actor: "victor",
      },
      { after: 3, kind: "acknowledged", source: "person", body: "Acknowledged by victor", actor: "victor" },
      {
        after: 20,
        kind: "note",
        source: "person",
        body: "Endpoint disabled at the proxy. No access in the logs besides the reporter's.",
        status: "monitoring",
        actor: "victor",
      },
      {
        after: 2 * 24 * 60,
        kind: "resolved",
        source: "person",
        body: "Fix released in v2.11.3; advisory published.",
        status: "resolved",
        actor: "victor",
      },
    ],
  },
  {
    title: "Exports lose the last row (data loss)",
    type: "critical-bug",
    severity: "SEV2",
    daysAgo: 62,
    ack: 95,
    mitigated: 300,
    resolved: 3 * 24 * 60,
    status: "resolved",
    commander: "Maya Chen",
    isPublic: false,
    steps: [
      {
        after: 0,
        kind: "opened",
        source: "person",
        body: "Incident opened: Exports lose the last row",
        status: "investigating",
        actor: "maya",
      },
      {
        after: 60,
        kind: "response_breached",
        source: "system",
        body: "Response target of 60 min passed without acknowledgement",
      },
      { after: 95, kind: "acknowledged", source: "person", body: "Acknowledged by maya", actor: "maya" },
      {
        after: 3 * 24 * 60,
        kind: "resolved",
        source: "person",
        body: "Hotfix v2.10.1 released with a regression test.",
        status: "resolved",
        actor: "maya",
      },
    ],
  },
  {
    title: "Webhook deliveries delayed",
    type: "performance",
    severity: "SEV3",
    daysAgo: 75,
    ack: 18,
    mitigated: 40,
    resolved: 65,
    status: "resolved",
    commander: "Victor Osei",
    isPublic: false,
    steps: [
      {
        after: 0,
        kind: "opened",
        source: "health",
        body: "Opened automatically: webhooks went critical (throughput_rps)",
        status: "investigating",
      },
      { after: 18, kind: "acknowledged", source: "person", body: "Acknowledged by victor", actor: "victor" },
      {
        after: 65,
        kind: "resolved",
        source: "person",
        body: "Queue worker scaled from 2 to 4.",
        status: "resolved",
        actor: "victor",
      },
    ],
  },
];
