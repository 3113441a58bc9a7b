// Accounts the end-to-end suite creates. Local throwaway databases only (see serve.ts).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export const ACCOUNTS = {
  admin: { username: "admin", displayName: "Ada Admin", password: "correct horse battery staple", role: "admin" },
  maintainer: {
    username: "maya",
    displayName: "Maya Maintainer",
    password: "maintainer password 1",
    role: "maintainer",
  },
  viewer: { username: "victor", displayName: "Victor Viewer", password: "viewer password 123", role: "viewer" },
} as const;

export const STORAGE = {
  admin: "e2e/.auth/admin.json",
  maintainer: "e2e/.auth/maintainer.json",
  viewer: "e2e/.auth/viewer.json",
} as const;
