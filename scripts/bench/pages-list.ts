// The pages bench:pages times: for each, a URL per cold request (another target, month and time zone,
// or triage filter where the page has one, so no cache of steward's holds the answer) and one URL
// repeated for the warm requests; `lighthouse` marks the main pages Lighthouse also loads.
export type BenchPage = { name: string; cold: (i: number) => string; warm: string; lighthouse?: boolean };

export function benchPages(targetIds: string[], now = new Date()): BenchPage[] {
  const month = (i: number) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (i % 13), 1));
    return d.toISOString().slice(0, 7);
  };
  const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"];
  const triageTabs = ["needs_triage", "breached", "stale", "all"];
  const target = (i: number) => targetIds[i % targetIds.length]!;
  const same = (url: string) => () => url;
  return [
    { name: "Today", cold: same("/today"), warm: "/today", lighthouse: true },
    {
      name: "Triage",
      // `type` is the type label's (bug, question…): "issue" / "pull_request" failed validation, so every
      // cold request fell back to the default view
      cold: (i) => `/triage?tab=${triageTabs[i % 4]}${i % 8 < 4 ? "" : "&type=bug"}`,
      warm: "/triage",
      lighthouse: true,
    },
    {
      name: "Metrics",
      cold: (i) => `/kpis?month=${month(i)}&tz=${encodeURIComponent(zones[Math.floor(i / 13) % 4]!)}`,
      warm: "/kpis",
      lighthouse: true,
    },
    { name: "Health overview", cold: same("/health"), warm: "/health", lighthouse: true },
    {
      name: "Health target 30d",
      cold: (i) => `/health/${target(i)}?range=30d`,
      warm: `/health/${targetIds[0]}?range=30d`,
      lighthouse: true,
    },
    {
      name: "Health target 90d",
      cold: (i) => `/health/${target(i + Math.floor(targetIds.length / 2))}?range=90d`,
      warm: `/health/${targetIds[0]}?range=90d`,
    },
    { name: "Incidents", cold: same("/incidents"), warm: "/incidents", lighthouse: true },
    { name: "Repositories", cold: same("/repositories"), warm: "/repositories", lighthouse: true },
    {
      name: "Repository overview",
      cold: same("/repositories/bench/metrics"),
      warm: "/repositories/bench/metrics",
      lighthouse: true,
    },
  ];
}
