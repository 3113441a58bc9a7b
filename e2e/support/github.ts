// The GitHub the e2e server talks to: the GitHub test server on loopback with one seeded repository
// (dated at a fixed "now" so a spec can regenerate the same data and compute the expected numbers).
import { generateRepo } from "@/lib/github/test-server/generator";

export const E2E_GITHUB_TOKEN = "ghp_e2eTestToken0123456789abcdefABCDEF";
export const E2E_GITHUB_PORT = Number(process.env.E2E_GITHUB_PORT ?? 3109);
/** Per request: enough that a first sync takes several seconds, so its progress can be watched. */
export const E2E_GITHUB_LATENCY_MS = 250;
export const E2E_REPO = {
  owner: "acme",
  name: "widgets",
  seed: 7,
  issues: 240,
  pulls: 80,
  now: "2026-11-01T12:00:00Z",
} as const;

export const generateE2eRepo = () => generateRepo({ ...E2E_REPO });
