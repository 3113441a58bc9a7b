// On-demand job queues (jobs with data, sent by the app), as opposed to the recurring ones in
// definitions.ts. The sender (queue.ts) and the worker create them with the same options.
import type PgBoss from "pg-boss";

export const GITHUB_SYNC_QUEUE = "github-sync-repo";
export const GITHUB_WEBHOOK_QUEUE = "github-webhook";
export const INCIDENT_NOTIFY_QUEUE = "incident-notify";

export const QUEUE_OPTIONS: Record<string, Omit<PgBoss.Queue, "name">> = {
  // stately + singletonKey = repository id: at most one queued and one running sync per repository.
  [GITHUB_SYNC_QUEUE]: {
    policy: "stately",
    expireInSeconds: 3 * 3600,
    retryLimit: 2,
    retryDelay: 60,
    retryBackoff: true,
  },
  [GITHUB_WEBHOOK_QUEUE]: {
    policy: "standard",
    expireInSeconds: 15 * 60,
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
  },
  // One job per delivery; a failed send throws and is retried after 5, 10, 20, 40, 80 s.
  [INCIDENT_NOTIFY_QUEUE]: {
    policy: "standard",
    expireInSeconds: 5 * 60,
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
  },
};
