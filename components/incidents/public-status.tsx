import type { GroupState, PublicStatus } from "@/lib/incidents/status-page";
import { formatMoment } from "@/components/health/format";

const STATE: Record<GroupState, { label: string; cls: string }> = {
  operational: { label: "Operational", cls: "bg-green-700 text-white" },
  degraded: { label: "Degraded", cls: "bg-amber-500 text-black" },
  outage: { label: "Outage", cls: "bg-red-700 text-white" },
  maintenance: { label: "Maintenance", cls: "bg-sky-700 text-white" },
};

function barClass(pct: number | null, maintenance: number): string {
  if (pct === null) return maintenance > 0 ? "bg-sky-500" : "bg-neutral-300 dark:bg-neutral-700";
  if (pct >= 99.9) return "bg-green-600";
  if (pct >= 99) return "bg-amber-500";
  return "bg-red-600";
}

export function PublicStatusView({ status }: { status: PublicStatus }) {
  const open = status.incidents.filter((i) => !i.resolvedAt);
  return (
    <main className="mx-auto max-w-3xl space-y-8 px-4 py-8">
      <header>
        <h1 className="text-2xl font-semibold">{status.title}</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {open.length === 0 ? "No open incidents." : `${open.length} open incident${open.length > 1 ? "s" : ""}.`}{" "}
          Updated {formatMoment(status.generatedAt)}.
        </p>
      </header>
      {status.incidents.length > 0 && (
        <section aria-labelledby="incidents" className="space-y-3">
          <h2 id="incidents" className="text-lg font-semibold">
            Incidents
          </h2>
          {status.incidents.map((i) => (
            <article
              key={i.id}
              className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
              data-testid="public-incident"
            >
              <h3 className="font-semibold">{i.title}</h3>
              <p className="text-sm text-neutral-600 dark:text-neutral-400">
                {i.resolvedAt ? `Resolved ${formatMoment(i.resolvedAt)}` : `Status: ${i.status}`} · started{" "}
                {formatMoment(i.startedAt)}
              </p>
              <ol className="mt-2 space-y-2">
                {i.updates.map((u) => (
                  <li key={u.at} className="text-sm">
                    <span className="text-xs text-neutral-500">
                      {formatMoment(u.at)}
                      {u.status ? ` · ${u.status}` : ""}
                    </span>
                    {/* Sanitized on the server (lib/incidents/markdown.ts). */}
                    <div dangerouslySetInnerHTML={{ __html: u.html }} />
                  </li>
                ))}
              </ol>
            </article>
          ))}
        </section>
      )}
      {status.maintenance.length > 0 && (
        <section aria-labelledby="maintenance">
          <h2 id="maintenance" className="text-lg font-semibold">
            Scheduled maintenance
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {status.maintenance.map((m) => (
              <li key={`${m.title}-${m.start}`}>
                <strong>{m.title}</strong> — {formatMoment(m.start)} to {formatMoment(m.end)}
                {m.groups.length ? ` (${m.groups.join(", ")})` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="services" className="space-y-4">
        <h2 id="services" className="text-lg font-semibold">
          Services
        </h2>
        {status.groups.length === 0 && <p className="text-sm">No services are monitored yet.</p>}
        {status.groups.map((g) => (
          <div key={g.name} data-testid="public-group">
            <div className="flex items-center justify-between gap-2">
              <h3 className="font-medium">{g.name}</h3>
              <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATE[g.state].cls}`}>
                {STATE[g.state].label}
              </span>
            </div>
            <div
              className="mt-1 flex h-8 gap-px"
              role="img"
              aria-label={`${g.name}: 90-day uptime ${g.uptimePct90 === null ? "no data" : `${g.uptimePct90.toFixed(2)} %`}`}
            >
              {g.days.map((d) => (
                <span
                  key={d.date}
                  title={`${d.date}: ${d.uptimePct === null ? "no data" : `${d.uptimePct.toFixed(2)} %`}${d.maintenanceHours ? `, ${d.maintenanceHours} h maintenance` : ""}`}
                  className={`flex-1 rounded-sm ${barClass(d.uptimePct, d.maintenanceHours)}`}
                />
              ))}
            </div>
            <p className="mt-1 flex justify-between text-xs text-neutral-500">
              <span>90 days ago</span>
              <span>{g.uptimePct90 === null ? "no data" : `${g.uptimePct90.toFixed(2)} % uptime`}</span>
              <span>today</span>
            </p>
          </div>
        ))}
        <p className="text-xs text-neutral-500">
          Uptime: successful checks ÷ all checks, per UTC day. Hours overlapping scheduled maintenance are left out of
          the figure and counted as maintenance (blue).
        </p>
      </section>
    </main>
  );
}
