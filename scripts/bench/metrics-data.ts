// Bench data for bench:metrics, inserted by the database itself (generate_series, seeded random):
// issues and pull requests spread over 400 days with comments, reviews, close/reopen events,
// labels, default-branch commits with check suites and runs, alerts, releases and daily stats.
import pg from "pg";

export async function insertMetricsData(url: string, repoId: string, items: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  try {
    await q("SELECT setseed(0.42)");
    await q(
      `CREATE TEMP TABLE b AS SELECT n, now() - (random() * 400) * interval '1 day' AS created, random() AS r1, random() AS r2, random() AS r3 FROM generate_series(1, $1) n`,
      [items],
    );
    await q(
      `INSERT INTO "GithubItem" (id, "repoId", kind, number, title, body, url, state, "authorLogin", "authorType", "createdAt", "updatedAt", "closedAt", "isDraft", merged, "mergedAt")
      SELECT 'BI_' || n, $1::uuid, CASE WHEN n % 2 = 0 THEN 'issue' ELSE 'pull_request' END::"GithubItemKind", n, 'Bench item ' || n, '', 'https://example.invalid/' || n,
        CASE WHEN r1 < 0.25 THEN 'OPEN' WHEN n % 2 = 1 AND r2 < 0.8 THEN 'MERGED' ELSE 'CLOSED' END,
        'user' || (n % 700), CASE WHEN n % 17 = 0 THEN 'bot' ELSE 'user' END::"GithubActorType", created, created,
        CASE WHEN r1 < 0.25 THEN NULL ELSE least(now(), created + (r3 * 30) * interval '1 day') END,
        CASE WHEN n % 2 = 1 THEN r3 < 0.05 ELSE NULL END,
        CASE WHEN n % 2 = 1 THEN r1 >= 0.25 AND r2 < 0.8 ELSE NULL END,
        CASE WHEN n % 2 = 1 AND r1 >= 0.25 AND r2 < 0.8 THEN least(now(), created + (r3 * 30) * interval '1 day') END
      FROM b`,
      [repoId],
    );
    await q(
      `INSERT INTO "GithubComment" (id, "itemId", "repoId", "authorLogin", "authorType", body, url, "createdAt", "updatedAt")
      SELECT 'BC_' || n || '_' || k, 'BI_' || n, $1::uuid, CASE WHEN k = 1 AND r2 < 0.3 THEN 'github-actions' ELSE 'maint' || ((n + k) % 9) END,
        CASE WHEN k = 1 AND r2 < 0.3 THEN 'bot' ELSE 'user' END::"GithubActorType", '', 'u', created + (k * r2 * 4) * interval '1 day', created
      FROM b CROSS JOIN generate_series(1, 2) k WHERE r3 > 0.1`,
      [repoId],
    );
    await q(
      `INSERT INTO "GithubReview" (id, "itemId", "repoId", "authorLogin", "authorType", state, body, url, "submittedAt", "createdAt", "updatedAt")
      SELECT 'BR_' || n, 'BI_' || n, $1::uuid, 'maint' || (n % 9), 'user', 'APPROVED', '', 'u', created + (r1 * 3) * interval '1 day', created, created
      FROM b WHERE n % 2 = 1 AND r2 < 0.9`,
      [repoId],
    );
    await q(
      `INSERT INTO "GithubItemEvent" (id, "itemId", "repoId", kind, "actorType", "createdAt")
      SELECT 'BE_' || n, 'BI_' || n, $1::uuid, 'closed', 'user', created + (r3 * 30) * interval '1 day' FROM b WHERE n % 2 = 0 AND r1 >= 0.25 AND created + (r3 * 30) * interval '1 day' < now()`,
      [repoId],
    );
    await q(
      `INSERT INTO "GithubItemEvent" (id, "itemId", "repoId", kind, "actorType", "createdAt")
      SELECT 'BD_' || n, 'BI_' || n, $1::uuid, 'ready_for_review', 'user', created + interval '1 hour' FROM b WHERE n % 2 = 1 AND r3 < 0.1 AND r3 >= 0.05`,
      [repoId],
    );
    await q(
      `INSERT INTO "GithubLabel" (id, "repoId", name, color) VALUES ('BL_bug', $1::uuid, 'bug', 'ff0000'), ('BL_p0', $1::uuid, 'P0', 'ff0000')`,
      [repoId],
    );
    await q(
      `INSERT INTO "GithubItemLabel" ("itemId", "labelId") SELECT 'BI_' || n, 'BL_bug' FROM b WHERE n % 2 = 0 AND r2 < 0.3`,
    );
    await q(
      `INSERT INTO "GithubItemLabel" ("itemId", "labelId") SELECT 'BI_' || n, 'BL_p0' FROM b WHERE n % 2 = 0 AND r2 < 0.03`,
    );
    await q(
      `INSERT INTO "GithubCommit" ("repoId", oid, "committedDate", "messageHeadline", url)
      SELECT $1::uuid, 'bc' || k, now() - k * interval '4 hours', 'commit ' || k, 'u' FROM generate_series(1, 2400) k`,
      [repoId],
    );
    await q(
      `INSERT INTO "GithubCheckSuite" (id, "repoId", "commitOid", status, conclusion, "createdAt", "updatedAt")
      SELECT 'BS_' || k || '_' || s, $1::uuid, 'bc' || k, 'COMPLETED', CASE WHEN random() < 0.9 THEN 'SUCCESS' ELSE 'FAILURE' END,
        now() - k * interval '4 hours', now() - k * interval '4 hours' + interval '10 minutes' FROM generate_series(1, 2400) k CROSS JOIN generate_series(1, 3) s`,
      [repoId],
    );
    await q(
      `INSERT INTO "GithubCheckRun" (id, "repoId", "commitOid", "suiteId", kind, name, status, conclusion, "completedAt")
      SELECT 'BX_' || s.id || '_' || j, $1::uuid, s."commitOid", s.id, 'check_run', 'job ' || j, 'COMPLETED', s.conclusion, s."updatedAt" FROM "GithubCheckSuite" s CROSS JOIN generate_series(1, 2) j WHERE s."repoId" = $1::uuid`,
      [repoId],
    );
    await q(
      `INSERT INTO "GithubRepoStatsDaily" ("repoId", day, stars, forks, watchers)
      SELECT $1::uuid, (now() - k * interval '1 day')::date, 5000 - k * 3, 400 - k / 5, 100 FROM generate_series(0, 400) k`,
      [repoId],
    );
    await q("ANALYZE");
  } finally {
    await client.end();
  }
}
