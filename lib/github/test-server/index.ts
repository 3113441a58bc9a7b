/** steward's local GitHub GraphQL test server: generated data, schema-validated queries, GitHub's limits and failures. */
export { DEFAULT_NOW, generateRepo, type GenerateRepoOptions } from "./generator";
export { groundTruth, itemsUpdatedSince, itemTruth, type ItemTruth, type RepoTruth } from "./ground-truth";
export {
  addComment,
  addLabel,
  closeIssue,
  createIssue,
  deleteItem,
  removeLabel,
  touchItems,
  transferItem,
  type TouchOptions,
} from "./mutations";
export {
  startGitHubTestServer,
  type GitHubTestServer,
  type GitHubTestServerOptions,
  type InvalidQuery,
  type RequestRecord,
  type ServerStats,
} from "./server";
export type { FaultKind, FaultOptions } from "./faults";
export { analyzeCost, type CostAnalysis, type RateLimitOptions } from "./rate-limit";
export { githubSchema } from "./schema";
export * from "./webhooks";
export type * from "./types";
