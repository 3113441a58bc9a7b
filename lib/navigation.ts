// The app's sections, in navigation order. `ready: false` sections show an honest empty state.
export type Section = { href: string; label: string; summary: string; next: string; ready: boolean };

export const SECTIONS: Section[] = [
  {
    href: "/today",
    label: "Today",
    summary: "The daily checklist from your runbook, ticked against live data.",
    next: "",
    ready: true,
  },
  {
    href: "/runbooks",
    label: "Runbooks",
    summary: "Imported runbooks, their sections, cadences and live checks; import and history.",
    next: "",
    ready: true,
  },
  {
    href: "/triage",
    label: "Triage",
    summary: "Issues and pull requests waiting for you, ordered by P0–P3 response-time SLAs.",
    next: "",
    ready: true,
  },
  {
    href: "/kpis",
    label: "Metrics",
    summary: "Monthly KPIs — response time, time to close, MTTR — each with its definition.",
    next: "",
    ready: true,
  },
  {
    href: "/repositories",
    label: "Repositories",
    summary: "Each synced GitHub repository at a glance: open work, CI, releases, security alerts.",
    next: "",
    ready: true,
  },
  {
    href: "/health",
    label: "Health",
    summary: "HTTP checks, Prometheus scrapes and pushed metrics judged against the runbook's thresholds.",
    next: "",
    ready: true,
  },
  {
    href: "/incidents",
    label: "Incidents",
    summary: "The on-call board: open incidents, their timelines and response deadlines.",
    next: "",
    ready: true,
  },
  {
    href: "/dependencies",
    label: "Dependencies",
    summary: "Dependabot alerts and outdated packages with the runbook's update deadlines.",
    next: "Dependabot alerts are synced already (counts by severity are on each repository's page); this board arrives with the dependencies feature.",
    ready: true,
  },
  {
    href: "/releases",
    label: "Releases",
    summary: "Releases and tags, and what has been merged since the last one.",
    next: "Releases and tags are synced already (the latest is on each repository's page); this view arrives with the releases feature.",
    ready: true,
  },
  {
    href: "/settings",
    label: "Settings",
    summary: "Users, roles, API tokens and system status.",
    next: "",
    ready: true,
  },
];
