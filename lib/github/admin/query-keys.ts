// TanStack Query keys and API paths of Settings → Repositories, shared by server prefetches and hooks.
export const repositoryKeys = {
  all: ["repositories"] as const,
  settings: () => [...repositoryKeys.all, "settings"] as const,
  history: (id: string) => [...repositoryKeys.all, "history", id] as const,
};

export const repositoryPaths = {
  settings: "/api/repositories",
  history: (id: string) => `/api/repositories/${id}/sync`,
  sync: (id: string) => `/api/repositories/${id}/sync`,
  add: "/api/admin/repositories",
  repository: (id: string) => `/api/admin/repositories/${id}`,
  token: "/api/admin/github-token",
};
