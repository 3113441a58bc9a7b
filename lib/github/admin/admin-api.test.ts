// Settings → Repositories through its route handlers, as Next.js calls them: the token is checked
// against the GitHub test server, stored encrypted and never returned; repositories are added,
// paused, synced and removed with the right roles.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteToken, PUT as putToken } from "@/app/api/admin/github-token/route";
import { POST as addRepo } from "@/app/api/admin/repositories/route";
import { DELETE as deleteRepo, PATCH as patchRepo } from "@/app/api/admin/repositories/[id]/route";
import { GET as listRepos } from "@/app/api/repositories/route";
import { GET as getSync, POST as postSync } from "@/app/api/repositories/[id]/sync/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { stopJobSender } from "@/lib/jobs/queue";
import { resetAppSecretCache } from "@/lib/secrets/app-secret";
import { createTestApiToken, uniqueName } from "@/lib/testing/factories";
import { generateRepo, startGitHubTestServer, type GitHubTestServer } from "@/lib/github/test-server";
import { getGithubTokenStatus, resolveGithubToken } from "../credentials";

const GOOD = "ghp_goodTokenForTests0123456789";
let github: GitHubTestServer;
const tokens: Record<"viewer" | "maintainer" | "admin", string> = { viewer: "", maintainer: "", admin: "" };

function setEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
  resetAppSecretCache();
}

beforeAll(async () => {
  github = await startGitHubTestServer({
    repos: [generateRepo({ owner: "acme", name: "tiny", seed: 3, issues: 2, pulls: 1 })],
    tokens: [GOOD],
  });
  setEnv({
    GITHUB_API_URL: github.url,
    GITHUB_TOKEN: undefined,
    STEWARD_SECRET: "s".repeat(40),
    STEWARD_REPOS: undefined,
  });
  for (const role of ["viewer", "maintainer", "admin"] as const) tokens[role] = (await createTestApiToken(role)).token;
  await db.githubCredential.deleteMany();
});

afterAll(async () => {
  await db.githubCredential.deleteMany();
  await stopJobSender();
  await github.stop();
});

function request(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return new NextRequest(`http://127.0.0.1:3000${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const result = async (r: Response) => ({ status: r.status, json: (await r.json()) as Json, text: "" });
const byId = (id: string) => ({ params: Promise.resolve({ id }) });
const saveToken = async (token: string, as = tokens.admin) =>
  result(await putToken(request("PUT", "/api/admin/github-token", as, { token }), {}));
const add = async (fullName: string, as = tokens.admin) =>
  result(await addRepo(request("POST", "/api/admin/repositories", as, { fullName }), {}));
const syncNow = async (id: string, as: string) =>
  result(await postSync(request("POST", `/api/repositories/${id}/sync`, as), byId(id)));

describe("the GitHub token in Settings", () => {
  it("is refused for anyone but an admin", async () => {
    expect((await saveToken(GOOD, "")).status).toBe(401);
    expect((await saveToken(GOOD, tokens.viewer)).status).toBe(403);
    expect((await saveToken(GOOD, tokens.maintainer)).status).toBe(403);
    expect(await db.githubCredential.count()).toBe(0);
  });

  it("is checked against GitHub first: a refused token is not stored, and the error says why", async () => {
    const r = await saveToken("ghp_wrong");
    expect(r.status).toBe(422);
    expect(r.json.error.fieldErrors.token[0]).toMatch(/did not accept this token: HTTP 401: bad credentials/);
    expect(JSON.stringify(r.json)).not.toContain("ghp_wrong");
    expect((await saveToken("has space")).status).toBe(400);
    expect(await db.githubCredential.count()).toBe(0);
  });

  it("is stored encrypted, never returned, and used by syncs", async () => {
    const r = await saveToken(GOOD);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ login: expect.any(String), remaining: expect.any(Number), limit: 5000 });
    const row = await db.githubCredential.findUniqueOrThrow({ where: { id: "default" } });
    expect(row.ciphertext).not.toContain(GOOD);
    expect(row.ciphertext).not.toContain(Buffer.from(GOOD).toString("base64"));
    expect(await resolveGithubToken()).toBe(GOOD);
    const listed = await result(await listRepos(request("GET", "/api/repositories", tokens.viewer), {}));
    expect(listed.json.token).toMatchObject({ source: "settings", login: r.json.login, problem: null });
    expect(JSON.stringify(listed.json)).not.toContain(GOOD);
    expect(await db.auditLog.count({ where: { action: "github_token.saved" } })).toBeGreaterThan(0);
  });

  it("says so clearly when the app secret changed, instead of sending garbage to GitHub", async () => {
    setEnv({ STEWARD_SECRET: "t".repeat(40) });
    const status = await getGithubTokenStatus();
    expect(status.source === "settings" && status.problem).toMatch(/different app secret/);
    await expect(resolveGithubToken()).rejects.toThrow(/different app secret/);
    const repo = await db.githubRepository.create({
      data: { owner: "acme", name: uniqueName("secret"), key: `acme/${uniqueName("secret")}` },
    });
    const refused = await syncNow(repo.id, tokens.maintainer);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/Enter the token again/);
    setEnv({ STEWARD_SECRET: "s".repeat(40) });
    expect(await resolveGithubToken()).toBe(GOOD);
  });

  it("gives way to GITHUB_TOKEN from the environment", async () => {
    setEnv({ GITHUB_TOKEN: "from-env" });
    expect(await getGithubTokenStatus()).toEqual({ source: "env" });
    expect(await resolveGithubToken()).toBe("from-env");
    expect((await saveToken(GOOD)).status).toBe(409);
    setEnv({ GITHUB_TOKEN: undefined });
  });
});

describe("repositories in Settings", () => {
  it("validates names, refuses duplicates whatever their case, queues the first sync and audits", async () => {
    const bad = await add("not a repo");
    expect(bad.status).toBe(400);
    expect(bad.json.error.fieldErrors.fullName).toEqual(["Enter a repository as owner/name, e.g. acme/widgets."]);
    expect((await add("acme/x", tokens.maintainer)).status).toBe(403);
    const name = uniqueName("Widgets");
    const created = await add(`https://github.com/Acme/${name}/`);
    expect(created.status).toBe(201);
    expect(created.json.repository.key).toBe(`acme/${name.toLowerCase()}`);
    expect(created.json.sync).toMatchObject({ status: "queued" });
    const again = await add(`acme/${name.toUpperCase()}`);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe(`Acme/${name} is already in the list.`);
    expect(await db.auditLog.count({ where: { action: "repository.added", target: `Acme/${name}` } })).toBe(1);
  });

  it("lets maintainers sync now (once queued is enough), viewers only look, and pausing stops syncs", async () => {
    const created = await add(`acme/${uniqueName("sync")}`);
    const id = created.json.repository.id as string;
    expect((await syncNow(id, tokens.viewer)).status).toBe(403);
    const r = await syncNow(id, tokens.maintainer);
    expect(r.status).toBe(202);
    expect(r.json.status).toBe("already-queued"); // adding it queued one already
    const view = await result(await getSync(request("GET", `/api/repositories/${id}/sync`, tokens.viewer), byId(id)));
    expect(view.json.repository).toMatchObject({ id, queued: true, active: null, enabled: true });
    expect(view.json.runs).toEqual([]);

    const paused = await result(
      await patchRepo(request("PATCH", `/api/admin/repositories/${id}`, tokens.admin, { enabled: false }), byId(id)),
    );
    expect(paused.json.repository).toEqual({ id, enabled: false });
    expect((await syncNow(id, tokens.maintainer)).json.error.message).toMatch(/is paused/);
    expect(
      (
        await result(
          await patchRepo(request("PATCH", `/api/admin/repositories/${id}`, tokens.admin, { enabled: "no" }), byId(id)),
        )
      ).status,
    ).toBe(400);
  });

  it("shows a run as live only while its lease holds", async () => {
    const created = await add(`acme/${uniqueName("live")}`);
    const id = created.json.repository.id as string;
    await db.githubSyncRun.create({
      data: {
        repoId: id,
        trigger: "manual",
        status: "running",
        resource: "issues",
        items: 40,
        itemsTotal: 100,
        pages: 1,
      },
    });
    const view = async () =>
      (await result(await getSync(request("GET", `/api/repositories/${id}/sync`, tokens.viewer), byId(id)))).json;
    expect((await view()).repository.active).toBeNull(); // no lease: a crashed run, not a live one
    await db.githubRepository.update({
      where: { id },
      data: { syncLeaseId: crypto.randomUUID(), syncLeaseUntil: new Date(Date.now() + 60_000) },
    });
    expect((await view()).repository.active).toMatchObject({ resource: "issues", items: 40, itemsTotal: 100 });
  });

  it("removes a repository with its data, but not one listed in STEWARD_REPOS", async () => {
    const created = await add(`acme/${uniqueName("gone")}`);
    const id = created.json.repository.id as string;
    await db.githubSyncRun.create({ data: { repoId: id, trigger: "manual", status: "succeeded" } });
    expect(
      (await result(await deleteRepo(request("DELETE", `/api/admin/repositories/${id}`, tokens.maintainer), byId(id))))
        .status,
    ).toBe(403);
    expect(
      (await result(await deleteRepo(request("DELETE", `/api/admin/repositories/${id}`, tokens.admin), byId(id))))
        .status,
    ).toBe(200);
    expect(await db.githubSyncRun.count({ where: { repoId: id } })).toBe(0);
    expect(
      (await result(await getSync(request("GET", `/api/repositories/${id}/sync`, tokens.viewer), byId(id)))).status,
    ).toBe(404);
    expect(
      (await result(await getSync(request("GET", "/api/repositories/nope/sync", tokens.viewer), byId("nope")))).status,
    ).toBe(404);

    const name = uniqueName("listed");
    const listed = await add(`acme/${name}`);
    setEnv({ STEWARD_REPOS: `acme/${name}` });
    const refused = await result(
      await deleteRepo(
        request("DELETE", `/api/admin/repositories/${listed.json.repository.id}`, tokens.admin),
        byId(listed.json.repository.id),
      ),
    );
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/STEWARD_REPOS/);
    setEnv({ STEWARD_REPOS: undefined });
  });

  it("removes the stored token on request", async () => {
    expect(
      (await result(await deleteToken(request("DELETE", "/api/admin/github-token", tokens.admin), {}))).json,
    ).toEqual({ removed: true });
    expect(await getGithubTokenStatus()).toEqual({ source: "none" });
    expect(
      (await result(await deleteToken(request("DELETE", "/api/admin/github-token", tokens.admin), {}))).json,
    ).toEqual({ removed: false });
  });
});
