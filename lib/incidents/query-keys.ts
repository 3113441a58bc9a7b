// TanStack Query keys and API paths of the incident pages, shared by server prefetches and client hooks.
export const incidentKeys = {
  all: ["incidents"] as const,
  board: () => [...incidentKeys.all, "board"] as const,
  one: (id: string) => [...incidentKeys.all, "one", id] as const,
};

export const incidentPaths = {
  board: "/api/v1/incidents?status=all",
  one: (id: string) => `/api/v1/incidents/${id}`,
};

/** How often open incident pages refresh themselves. */
export const INCIDENT_REFRESH_MS = 5_000;
