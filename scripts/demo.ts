// `npm run demo`: steward on generated data, offline. The GitHub test server plays GitHub (two
// seeded repositories, dated up to now), steward syncs them at start like real ones, and every
// page carries a "demo data" label. Its own embedded database (STEWARD_DATA_DIR, default
// .steward-demo) keeps demo data away from a real one; DATABASE_URL is ignored.
import { loadEnv } from "@/lib/env";
import { generateRepo } from "@/lib/github/test-server/generator";
import { startGitHubTestServer } from "@/lib/github/test-server/server";
import { seedTriageDemo } from "./demo/triage";
import { startDemoDependencies } from "./demo/deps";
import { addDemoActionItemIssue, addDemoMonorepo, linkDemoActionItemIssue } from "./demo/github-writes";

const DEMO_REPOSITORIES = [
  { owner: "acme", name: "widgets", seed: 1, issues: 1200, pulls: 400 },
  { owner: "acme", name: "gadgets", seed: 2, issues: 250, pulls: 90 },
];

if (process.env.DATABASE_URL) {
  console.log("demo: ignoring DATABASE_URL — the demo always uses its own embedded database");
  delete process.env.DATABASE_URL;
}
process.env.STEWARD_DATA_DIR ||= ".steward-demo";
loadEnv(); // a bad PORT etc. fails here, before anything starts

const started = performance.now();
const now = new Date().toISOString();
const repos = DEMO_REPOSITORIES.map((r) => generateRepo({ ...r, now }));
await seedTriageDemo(repos, new Date(now));
addDemoMonorepo(repos[0]!);
const actionItemIssue = addDemoActionItemIssue(repos[0]!, new Date(now));
const github = await startGitHubTestServer({ repos, latencyMs: 5 });
const items = repos.reduce((n, r) => n + r.items.length, 0);
console.log(
  `demo: GitHub test server on ${github.url} with ${repos.map((r) => r.nameWithOwner).join(", ")} (${items} issues + PRs, generated in ${Math.round(performance.now() - started)} ms)`,
);

const registries = await startDemoDependencies(repos);

Object.assign(process.env, {
  STEWARD_NPM_REGISTRY_URL: registries.npmUrl,
  STEWARD_PYPI_URL: registries.pypiUrl,
  GITHUB_API_URL: github.url,
  GITHUB_TOKEN: "demo-token",
  STEWARD_REPOS: repos.map((r) => r.nameWithOwner).join(","),
  STEWARD_DEMO: "true",
});
delete process.env.GITHUB_WEBHOOK_SECRET;

const { startDemoServices } = await import("./demo/services");
const demoServices = await startDemoServices();

await import("./start");
await (await import("./demo/health")).seedDemoHealth(demoServices.services, loadEnv().PORT);
await (await import("./demo/runbooks")).seedRunbooksDemoWhenReady();

const { seedIncidentsDemo } = await import("./demo/incidents");
await seedIncidentsDemo();
await (await import("./demo/incident-github")).seedIncidentGithubDemo(repos.map((r) => r.nameWithOwner.toLowerCase()));
await (await import("./demo/runbooks")).seedIncidentProcedureDemo().catch((error: unknown) => console.error(error));
await linkDemoActionItemIssue(actionItemIssue);
await (await import("./demo/metrics")).seedMetricsDemo(repos.map((r) => r.nameWithOwner.toLowerCase()));
