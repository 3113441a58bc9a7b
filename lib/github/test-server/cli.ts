/**
 * Runs the GitHub test server for demos and manual testing:
 *   tsx lib/github/test-server/cli.ts --port 4010 --issues 2000 --pulls 500 --seed 1 --latency 0
 */
import { parseArgs } from "node:util";
import { generateRepo } from "./generator";
import { startGitHubTestServer } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    issues: { type: "string", default: "2000" },
    pulls: { type: "string", default: "500" },
    seed: { type: "string", default: "1" },
    latency: { type: "string", default: "0" },
    owner: { type: "string", default: "acme" },
    name: { type: "string", default: "widgets" },
  },
});

const started = performance.now();
const repo = generateRepo({
  owner: values.owner,
  name: values.name,
  seed: Number(values.seed),
  issues: Number(values.issues),
  pulls: Number(values.pulls),
});
const server = await startGitHubTestServer({
  repos: [repo],
  port: Number(values.port),
  latencyMs: Number(values.latency),
});
console.log(
  `GitHub test server for ${repo.nameWithOwner} (${repo.items.length} issues + PRs, generated in ${Math.round(performance.now() - started)} ms)`,
);
console.log(`  base URL:    ${server.url}`);
console.log(`  GraphQL URL: ${server.graphqlUrl}`);
console.log(
  `  try: curl -s -H 'Authorization: bearer test' -d '{"query":"{ rateLimit { remaining } repository(owner: \\"${values.owner}\\", name: \\"${values.name}\\") { issues { totalCount } } }"}' ${server.graphqlUrl}`,
);

const shutdown = () => {
  void server.stop().then(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
