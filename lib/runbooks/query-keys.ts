// Query keys and API paths of the runbooks feature (client and server share them).
export const runbookKeys = {
  all: ["runbooks"] as const,
  today: () => [...runbookKeys.all, "today"] as const,
  list: () => [...runbookKeys.all, "list"] as const,
  history: (range: string) => [...runbookKeys.all, "history", range] as const,
};

export const runbookPaths = {
  today: "/api/v1/today",
  list: "/api/v1/runbooks",
  preview: "/api/v1/runbooks/preview",
  history: (range: string) => `/api/v1/runbooks/history?range=${range}`,
  runbook: (id: string) => `/api/v1/runbooks/${id}`,
  section: (id: string) => `/api/v1/runbook-sections/${id}`,
  startRun: (sectionId: string) => `/api/v1/runbook-sections/${sectionId}/runs`,
  item: (id: string) => `/api/v1/runbook-items/${id}`,
  runs: "/api/v1/checklist-runs",
  tick: (runId: string, itemId: string) => `/api/v1/checklist-runs/${runId}/items/${itemId}`,
  skip: (runId: string) => `/api/v1/checklist-runs/${runId}/skip`,
  signOff: (runId: string) => `/api/v1/checklist-runs/${runId}/sign-off`,
};
