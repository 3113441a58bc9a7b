// The JSON the health pages and their live-refresh routes serve: ordering (problems first), uptime
// windows, sparklines, breakers, the detail's thresholds and config wording, and chart windows.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getSeries } from "@/app/api/health-targets/[id]/series/route";
import { GET as getDetail } from "@/app/api/health-targets/[id]/route";
import { GET as getOverview } from "@/app/api/health-targets/route";
import { createTestApiToken, createTestHealthTarget, uniqueName } from "@/lib/testing/factories";
import { getTargetDetailView } from "./detail-view";
import { getHealthOverviewView, type HealthOverviewView } from "./overview-view";
import { recordObservations } from "../store/record";
import { SeriesWindowParams } from "../schemas";
import { getTargetSeriesView } from "./series-view";

const MIN = 60_000;
let viewer: string;
beforeAll(async () => {
  viewer = (await createTestApiToken("viewer")).token;
});

const record = (target: { id: string; name: string }, obs: Parameters<typeof recordObservations>[1]) =>
  recordObservations({ ...target, thresholds: null, breachesToChange: 1 }, obs);

function get(path: string, token: string | null = viewer) {
  return new NextRequest(`http://127.0.0.1:3000${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}
const byId = (id: string) => ({ params: Promise.resolve({ id }) });

describe("health overview view", () => {
  it("puts problem groups and problem targets first, with four uptime windows, sparklines and breakers", async () => {
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * MIN);
    const quiet = uniqueName("quiet");
    const busy = uniqueName("busy");
    const healthy = await createTestHealthTarget({ kind: "push", name: "A healthy", serviceGroup: busy });
    const broken = await createTestHealthTarget({ kind: "push", name: "Z broken", serviceGroup: busy });
    const fresh = await createTestHealthTarget({ kind: "push", name: "M fresh", serviceGroup: quiet });
    await record(healthy, {
      checks: [
        { at: ago(3), ok: true, durationMs: 0 },
        { at: ago(2), ok: true, durationMs: 0 },
      ],
      metrics: [
        { at: ago(3), metric: "response_time_ms", value: 40 },
        { at: ago(3), metric: "response_time_ms", value: 60 },
        { at: ago(2), metric: "response_time_ms", value: 90 },
        { at: ago(1), metric: "breaker_state", value: 2, labels: { breakers: "db,cache" } },
      ],
    });
    await record(broken, {
      checks: [
        { at: ago(2), ok: true, durationMs: 0 },
        { at: ago(1), ok: false, durationMs: 0 },
      ],
    });

    // Other test files' targets share the database: each group is read through its filter (?group=).
    const filter = (group: string) => ({ group, page: 1, size: 50 });
    const view: HealthOverviewView = await getHealthOverviewView(now, filter(busy));
    const names = view.serviceGroups.map((g) => g.name).filter((n) => n === quiet || n === busy);
    expect(names).toEqual([busy, quiet]); // critical group before the pending one
    expect(view.mode).toBe("list");
    expect(view.groups.map((g) => g.name)).toEqual([busy]);
    const group = view.groups[0]!;
    expect(group.status).toBe("critical");
    expect(group.counts).toMatchObject({ critical: 1, warning: 1, pending: 0, ok: 0 });
    expect(group.targets.map((t) => [t.name, t.status])).toEqual([
      ["Z broken", "critical"],
      ["A healthy", "warning"],
    ]);
    const h = group.targets[1]!;
    // Longer windows add hour rollups before the raw retention to the raw checks inside it: never fewer checks.
    expect(h.uptime.map((u) => [u.window, u.pct, u.checks])).toEqual([
      ["24h", 100, 2],
      ["7d", 100, 2],
      ["30d", 100, 2],
      ["90d", 100, 2],
    ]);
    expect(h.recent.map((s) => s.state)).toEqual(["ok", "ok"]);
    expect(h.sparkline.map((p) => p.ms)).toEqual([50, 90]); // mean per minute
    expect(h.breakers).toEqual({ state: "half-open", names: ["db", "cache"] });
    expect(h.kpis.breaker_state?.level).toBe("warning");
    expect(group.targets[0]!.uptime[0]).toEqual({ window: "24h", pct: 50, checks: 2, maintenance: 0 });
    const quietView = await getHealthOverviewView(now, filter(quiet));
    expect(quietView.groups.map((g) => g.name)).toEqual([quiet]);
    expect(quietView.groups[0]!.targets[0]).toMatchObject({
      id: fresh.id,
      status: "pending",
      lastCheck: null,
      sparkline: [],
    });
    expect(quietView.groups[0]!.targets[0]!.recent.map((s) => s.state)).toEqual(["pending"]);
    // One page at a time: a page of one card, the second of two in the busy group.
    const second = await getHealthOverviewView(now, { group: busy, page: 2, size: 1 });
    expect([second.page, second.pages, second.matched]).toEqual([2, 2, 2]);
    expect(second.groups.flatMap((g) => g.targets.map((t) => t.name))).toEqual(["A healthy"]);
    // Over HTTP the same filter comes from the query string; a bad one is refused.
    const res = await getOverview(get(`/api/health-targets?group=${encodeURIComponent(busy)}&state=critical`), {});
    const body = (await res.json()) as HealthOverviewView;
    expect(body.groups.flatMap((g) => g.targets.map((t) => t.name))).toEqual(["Z broken"]);
    expect((await getOverview(get("/api/health-targets?state=sideways"), {})).status).toBe(400);
    expect(view.counts.critical).toBeGreaterThanOrEqual(1);
  });
});

describe("target detail view", () => {
  it("resolves thresholds with the overrides marked, hides URL secrets, and keeps the last failure", async () => {
    const target = await createTestHealthTarget({
      kind: "http",
      intervalSeconds: 30,
      thresholds: { response_time_ms: { warning: 300, critical: 800 } },
      check: {
        url: "http://user:pw@127.0.0.1:9/health?token=secret",
        keyword: "ok",
        headers: { authorization: "Bearer x" },
      },
    });
    const now = Date.now();
    await record(target, {
      checks: [
        { at: new Date(now - 3 * MIN), ok: true, durationMs: 9, status: 200 },
        {
          at: new Date(now - 2 * MIN),
          ok: false,
          durationMs: 12,
          failure: { kind: "connect", message: "connection refused" },
        },
        { at: new Date(now - MIN), ok: true, durationMs: 8, status: 200 },
      ],
    });
    const detail = (await getTargetDetailView(target.id, { role: "viewer" }))!;
    expect(detail.thresholds.response_time_ms).toEqual({
      direction: "higher-is-worse",
      target: 100,
      warning: 300,
      critical: 800,
      overridden: true,
    });
    expect(detail.thresholds.memory_pct).toMatchObject({ warning: 90, critical: 95, overridden: false });
    expect(detail.checks.join("\n")).toContain("GET http://127.0.0.1:9/health?… every 30 s");
    expect(JSON.stringify(detail)).not.toMatch(/secret|pw@|Bearer x/);
    expect(detail.lastCheck).toMatchObject({ ok: true, status: 200 });
    expect(detail.lastFailure).toMatchObject({
      ok: false,
      failureKind: "connect",
      failureMessage: "connection refused",
    });
    expect(detail.alerts.map((a) => `${a.kpi} ${a.from}→${a.to}`)).toEqual(["up critical→ok", "up ok→critical"]);
    // One downtime: from the failed check to the next successful one, with its reason.
    expect(detail.downtimes).toEqual([
      {
        start: new Date(now - 2 * MIN).toISOString(),
        end: new Date(now - MIN).toISOString(),
        seconds: 60,
        reason: "connection refused",
      },
    ]);
    expect(detail.timeline).toHaveLength(48);
    const total = (state: "ok" | "critical") => detail.timeline.reduce((n, seg) => n + seg.counts[state], 0);
    expect([total("ok"), total("critical")]).toEqual([2, 1]);
    expect(detail.timeline.some((seg) => seg.state === "critical")).toBe(true);
    expect(await getTargetDetailView("00000000-0000-7000-8000-000000000000", { role: "admin" })).toBeNull();
  });
});

describe("the longer failure excerpt", () => {
  it("reaches admins only: the view, the JSON route and the overview give other roles the 120-character message", async () => {
    const target = await createTestHealthTarget({ kind: "push", heartbeats: false });
    const long = `"${"z".repeat(1000)}… (4000 characters)`;
    await record(target, {
      checks: [
        {
          at: new Date(Date.now() - MIN),
          ok: false,
          durationMs: 5,
          failure: { kind: "json-path", message: "$.status is short", detail: `$.status is ${long}` },
        },
        { at: new Date(), ok: true, durationMs: 4 },
      ],
    });
    for (const role of ["viewer", "maintainer"] as const)
      expect((await getTargetDetailView(target.id, { role }))!.failureExcerpt, role).toBeNull();
    const admin = (await getTargetDetailView(target.id, { role: "admin" }))!;
    expect(admin.failureExcerpt).toBe(`$.status is ${long}`);
    expect(admin.lastFailure?.failureMessage).toBe("$.status is short");
    // Over HTTP: a viewer token gets null, an admin token the excerpt; the overview never carries it.
    const adminToken = (await createTestApiToken("admin")).token;
    const asViewer = await (await getDetail(get(`/api/health-targets/${target.id}`), byId(target.id))).json();
    const asAdmin = await (
      await getDetail(get(`/api/health-targets/${target.id}`, adminToken), byId(target.id))
    ).json();
    expect([asViewer.failureExcerpt, asAdmin.failureExcerpt]).toEqual([null, `$.status is ${long}`]);
    expect(JSON.stringify(asViewer)).not.toContain("zzzz");
    expect(JSON.stringify(await (await getOverview(get("/api/health-targets", adminToken), {})).json())).not.toContain(
      "zzzz",
    );
  });
});

describe("chart windows", () => {
  it("reads ?range or a custom ?from&to from the URL and refuses what it cannot read", () => {
    expect(SeriesWindowParams.parse({})).toEqual({ range: "24h" });
    expect(SeriesWindowParams.parse({ range: "7d" })).toEqual({ range: "7d" });
    expect(SeriesWindowParams.parse({ from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z" })).toEqual({
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-11-02T00:00:00Z"),
    });
    for (const bad of [
      { range: "2d" },
      { from: "2026-11-01T00:00:00Z" },
      { from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" },
      { from: "yesterday", to: "2026-11-01T00:00:00Z" },
      { range: "1h", from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z" },
      { from: "2025-01-01T00:00:00Z", to: "2026-11-01T00:00:00Z" },
    ]) {
      expect(SeriesWindowParams.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("serves a custom window at a resolution fitting its span, and Prometheus percentiles as three lines", async () => {
    const target = await createTestHealthTarget({ kind: "prometheus", url: "http://127.0.0.1:9/metrics" });
    const now = new Date();
    const at = new Date(now.getTime() - 10 * MIN);
    await record(target, {
      metrics: [
        { at, metric: "response_time_p50_ms", value: 20 },
        { at, metric: "response_time_ms", value: 80 },
        { at, metric: "response_time_p99_ms", value: 150 },
        { at, metric: "error_rate_pct", value: 0.5 },
      ],
    });
    const raw = (await getTargetSeriesView(target.id, { from: new Date(now.getTime() - 30 * MIN), to: now }, now))!;
    expect(raw).toMatchObject({ range: "custom", resolution: "raw", latencySource: "scrapes" });
    expect(raw.responseTime).toEqual([{ t: at.getTime(), p50: 20, p95: 80, p99: 150 }]);
    expect(raw.errorRate).toEqual([{ t: at.getTime(), value: 0.5 }]);
    expect(
      (await getTargetSeriesView(target.id, { from: new Date(now.getTime() - 3 * 3_600_000), to: now }, now))!
        .resolution,
    ).toBe("minute");
    expect(
      (await getTargetSeriesView(target.id, { from: new Date(now.getTime() - 20 * 86_400_000), to: now }, now))!
        .resolution,
    ).toBe("hour"); // past raw retention
    expect((await getTargetSeriesView(target.id, { range: "90d" }, now))!.resolution).toBe("day");
  });
});

describe("GET /api/health-targets…", () => {
  it("needs a session or token, validates the window, and answers 404 for unknown targets", async () => {
    const target = await createTestHealthTarget({ kind: "push" });
    expect((await getOverview(get("/api/health-targets", null), {})).status).toBe(401);
    expect((await getOverview(get("/api/health-targets"), {})).status).toBe(200);
    expect((await getDetail(get(`/api/health-targets/${target.id}`), byId(target.id))).status).toBe(200);
    expect((await getDetail(get("/api/health-targets/nope"), byId("nope"))).status).toBe(404);
    const bad = await getSeries(get(`/api/health-targets/${target.id}/series?range=2d`), byId(target.id));
    expect(bad.status).toBe(400);
    expect(
      Object.keys(((await bad.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors),
    ).toEqual(["range"]);
    const ok = await getSeries(get(`/api/health-targets/${target.id}/series?range=1h`), byId(target.id));
    expect(await ok.json()).toMatchObject({ range: "1h", resolution: "raw", responseTime: [] });
    expect(
      (
        await getSeries(
          get("/api/health-targets/00000000-0000-7000-8000-000000000000/series"),
          byId("00000000-0000-7000-8000-000000000000"),
        )
      ).status,
    ).toBe(404);
  });
});
