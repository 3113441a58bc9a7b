import type { SystemStatus } from "@/lib/system/queries";
import { Card } from "@/components/ui/card";

import { Time } from "@/components/ui/time";

export function SystemStatusView({ status }: { status: SystemStatus }) {
  const rows: [string, string][] = [
    ["Database", status.database],
    ["Migrations applied", String(status.migrationsApplied)],
    ["Background worker", status.worker],
    ["/metrics access", status.metricsProtected],
  ];
  return (
    <div className="space-y-6">
      <Card title="System">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-neutral-600 dark:text-neutral-400">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title="Recent background jobs">
        {status.recentJobs.length === 0 ? (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            No job has run yet. The first scheduled job (expired-session cleanup) runs within a minute of start.
          </p>
        ) : (
          <ul className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
            {status.recentJobs.map((job) => (
              <li key={job.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-medium">{job.job}</span>
                <span className="text-neutral-600 dark:text-neutral-400">
                  <Time value={job.startedAt} mode="absolute" /> · {job.workerId} ·{" "}
                  {job.error ? `failed: ${job.error}` : job.finishedAt ? "done" : "running"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
