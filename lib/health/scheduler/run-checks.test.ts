// The scheduler against real loopback servers: what it records, the no-flap states, alert events,
// uptime, bounded concurrency, hanging targets and exactly-once claims. The clock that decides what
// is due is driven by the test (one interval per run); the checks themselves run in real time.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget, uniqueName } from "@/lib/testing/factories";
import {
  installLoopbackGuard,
  startHttpServer,
  startTcpServer,
  type LoopbackGuard,
  type TestServer,
} from "../checks/loopback-test-kit";
import {
  claimDueTargets,
  releaseClaims,
  runCheckLoop,
  runDueChecks,
  type SchedulerClock,
  stopCheckLoops,
  waitForRunningChecks,
} from "./run-checks";
import { nextSlotAfter, phaseFor } from "./slots";
import { createHealthTarget } from "../targets/targets";
import { CreateTargetInput } from "../schemas";
import { getUptime } from "../views/uptime";

let guard: LoopbackGuard;
let server: TestServer;
let hanging: TestServer;
const requests = new Map<string, number>(); // per ?key=
const failingStatus = new Map<string, number>();
let inFlight = 0;
let maxInFlight = 0;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://x");
  const key = url.searchParams.get("key") ?? "";
  const n = (requests.get(key) ?? 0) + 1;
  requests.set(key, n);
  if (url.pathname === "/healthy") return void res.end("ok");
  if (url.pathname === "/failing") return void res.writeHead(failingStatus.get(key) ?? 500).end();
  if (url.pathname === "/flapping") return void res.writeHead(n % 2 === 1 ? 200 : 500).end(); // 200, 500, 200, …
  if (url.pathname === "/slow") {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return void setTimeout(
      () => {
        inFlight--;
        res.end("late");
      },
      Number(url.searchParams.get("ms") ?? 250),
    );
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  guard = installLoopbackGuard();
  server = await startHttpServer(handle);
  hanging = await startTcpServer(() => undefined); // accepts, never answers
});

afterAll(async () => {
  await waitForRunningChecks();
  await Promise.all([server.close(), hanging.close()]);
  guard.restore();
  expect(guard.violations).toEqual([]);
});

const T0 = new Date("2026-06-01T00:00:00Z"); // the scheduler's clock; check results carry real time
const httpTarget = (path: string, extra: Record<string, unknown> = {}) =>
  createTestHealthTarget(
    { kind: "http", intervalSeconds: 10, check: { url: `${server.url}${path}`, timeoutMs: 2000 }, ...extra },
    T0,
  );

/** Creates targets one after another: parallel setups ran out of transaction slots on a loaded machine. */
async function createTargets<T>(count: number, create: () => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let i = 0; i < count; i++) made.push(await create());
  return made;
}

/** Runs the scheduler `runs` times, one interval apart, for these targets only. */
async function runTimes(targetIds: string[], runs: number, before?: (run: number) => void) {
  for (let run = 1; run <= runs; run++) {
    before?.(run);
    const now = new Date(T0.getTime() + (run - 1) * 10_000);
    await runDueChecks({ now: () => now, targetIds, concurrency: 20 });
  }
}

async function checksOf(targetId: string) {
  return db.healthSample.findMany({ where: { targetId, metric: "check" }, orderBy: { at: "asc" } });
}

/** Events as "kpi from→to #n", n = the 1-based check whose result changed the level. */
async function eventsOf(targetId: string): Promise<string[]> {
  const checks = await checksOf(targetId);
  const events = await db.alertEvent.findMany({ where: { targetId }, orderBy: { at: "asc" } });
  return events.map(
    (e) => `${e.kpi} ${e.from ?? "pending"}→${e.to} #${checks.findIndex((c) => c.at.getTime() === e.at.getTime()) + 1}`,
  );
}

describe("states, alert events and uptime from real checks", () => {
  it.each([
    {
      name: "failing 5 times, then healthy 3 times (breachesToChange 3)",
      path: "/failing",
      runs: 8,
      breachesToChange: 3,
      recoverAfter: 5,
      // The first check sets the level outright (pending → critical: an alert, so an incident can open);
      // the 3rd success after recovery (#8) → ok.
      events: ["up pending→critical #1", "up critical→ok #8"],
      uptimePct: (3 / 8) * 100, // 37.5 %
    },
    {
      name: "flapping 200/500 (breachesToChange 2)",
      path: "/flapping",
      runs: 6,
      breachesToChange: 2,
      // ok, fail, ok, fail, ok, fail: no two failures in a row, so the level never leaves ok.
      events: [],
      uptimePct: 50,
    },
    {
      name: "slow 250 ms with default thresholds (breachesToChange 2)",
      path: "/slow?ms=250",
      runs: 3,
      breachesToChange: 2,
      // 250 ms > 200 ms (warning) and ≤ 500 ms (critical): warning from the first check on (pending → warning).
      events: ["response_time_ms pending→warning #1"],
      uptimePct: 100,
    },
    {
      name: "slow 250 ms with a 1,000 ms warning override (breachesToChange 1)",
      path: "/slow?ms=250",
      runs: 2,
      breachesToChange: 1,
      thresholds: { response_time_ms: { warning: 1000, critical: 2000 } },
      events: [],
      uptimePct: 100,
    },
  ])("$name", async ({ path, runs, breachesToChange, recoverAfter, events, uptimePct, thresholds }) => {
    const key = uniqueName("k");
    const started = new Date();
    const target = await httpTarget(`${path}${path.includes("?") ? "&" : "?"}key=${key}`, {
      breachesToChange,
      thresholds,
    });
    await runTimes([target.id], runs, (run) => {
      if (recoverAfter !== undefined && run > recoverAfter) failingStatus.set(key, 200);
    });
    expect(requests.get(key)).toBe(runs); // one request per run: nothing checked twice or skipped
    const checks = await checksOf(target.id);
    expect(checks).toHaveLength(runs);
    expect(await eventsOf(target.id)).toEqual(events);
    const latency = await db.healthSample.findMany({ where: { targetId: target.id, metric: "response_time_ms" } });
    expect(latency).toHaveLength(checks.filter((c) => c.ok).length); // response time only for successful checks
    const uptime = (await getUptime([target.id], started, new Date(Date.now() + 1000))).get(target.id);
    expect(uptime).toMatchObject({ checks: runs, source: "raw" });
    expect(uptime?.pct).toBeCloseTo(uptimePct, 10);
  });

  it("records the failure of a failing check, with its status", async () => {
    const target = await httpTarget(`/failing?key=${uniqueName("k")}`);
    await runTimes([target.id], 1);
    const [check] = await checksOf(target.id);
    expect(check).toMatchObject({
      ok: false,
      status: 500,
      failureKind: "status",
      failureMessage: "status 500 is outside the expected 200–399",
    });
  });

  it("keeps the no-flap streak in HealthState between runs", async () => {
    const key = uniqueName("k");
    const target = await httpTarget(`/flapping?key=${key}`, { breachesToChange: 2 });
    await runTimes([target.id], 2); // ok, fail
    const state = await db.healthState.findUnique({ where: { targetId_kpi: { targetId: target.id, kpi: "up" } } });
    expect(state).toMatchObject({ level: "ok", consecutiveBreaches: 1, pendingLevel: "critical", lastValue: 0 });
  });

  it("reports no data (not 0 %) for a target that was never checked", async () => {
    const target = await httpTarget("/healthy");
    const uptime = await getUptime([target.id], new Date(Date.now() - 3_600_000), new Date());
    expect(uptime.get(target.id)).toMatchObject({ checks: 0, ok: 0, pct: null });
  });
});

describe("scheduling", () => {
  it("finishes a run with a hanging target within its timeout, and records the healthy one meanwhile", async () => {
    // The hanging target is due first, so a scheduler that ran checks one after another would
    // start the healthy one only after the 500 ms timeout.
    const hang = await createTestHealthTarget(
      { kind: "http", intervalSeconds: 10, check: { url: hanging.url, timeoutMs: 500 } },
      new Date(T0.getTime() - 1000),
    );
    const healthy = await httpTarget(`/healthy?key=${uniqueName("k")}`);
    const started = performance.now();
    const summary = await runDueChecks({ now: () => T0, targetIds: [hang.id, healthy.id] });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(500);
    expect(summary).toMatchObject({ checked: 2, failed: 1, errors: 0 });
    const [healthyCheck] = await checksOf(healthy.id);
    const [hangCheck] = await checksOf(hang.id);
    expect(healthyCheck).toMatchObject({ ok: true, status: 200 });
    // Started before the hanging check gave up (so not one after the other), however loaded the machine.
    expect(healthyCheck!.at.getTime()).toBeLessThan(hangCheck!.at.getTime() + hangCheck!.value);
    expect(hangCheck).toMatchObject({ ok: false, failureKind: "timeout" });
    expect(hangCheck!.value).toBeGreaterThanOrEqual(500);
  });

  it("runs at most `concurrency` checks at once: 30 checks of 300 ms with 20 slots take two waves", async () => {
    const key = uniqueName("k");
    const targets = await createTargets(30, () => httpTarget(`/slow?ms=300&key=${key}`));
    maxInFlight = 0;
    const started = performance.now();
    const summary = await runDueChecks({ now: () => T0, targetIds: targets.map((t) => t.id), concurrency: 20 });
    const elapsed = performance.now() - started;
    expect(summary.checked).toBe(30);
    expect(maxInFlight).toBe(20); // ⌈30 / 20⌉ = 2 waves
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(requests.get(key)).toBe(30);
  });

  it("claims each due target once, even when two schedulers claim at the same moment", async () => {
    const targets = await createTargets(10, () => httpTarget("/healthy"));
    const ids = targets.map((t) => t.id);
    const [a, b] = await Promise.all([claimDueTargets(T0, 10, ids), claimDueTargets(T0, 10, ids)]);
    const claimed = [...a, ...b].map((t) => t.id).sort();
    expect(claimed).toEqual([...ids].sort());
    for (const t of [...a, ...b]) expect(t.nextCheckAt?.getTime()).toBe(nextSlotAfter(T0.getTime(), 10_000, t.phaseMs));
    expect(await claimDueTargets(T0, 10, ids)).toEqual([]); // nothing is due again at the same instant
  });

  it("checks a new target at once, then on its own jittered slots", async () => {
    const created = new Date("2026-03-01T10:00:07.250Z"); // an injected clock: no waiting, no real time
    const input = CreateTargetInput.parse({
      kind: "http",
      name: uniqueName("jitter"),
      intervalSeconds: 60,
      check: { url: `${server.url}/healthy` },
    });
    const target = await createHealthTarget(input, null, "test", created);
    expect(target.phaseMs).toBe(phaseFor(target.id, 60_000));
    expect(target.nextCheckAt).toEqual(created); // due at once
    const claimedAt = new Date(created.getTime() + 1500);
    expect((await claimDueTargets(claimedAt, 10, [target.id])).map((t) => t.id)).toEqual([target.id]);
    const next = (await db.healthTarget.findUniqueOrThrow({ where: { id: target.id } })).nextCheckAt!.getTime();
    expect(next).toBe(nextSlotAfter(claimedAt.getTime(), 60_000, target.phaseMs));
    expect(next).toBeGreaterThan(claimedAt.getTime());
    expect(next).toBeLessThanOrEqual(claimedAt.getTime() + 60_000); // within one interval of the claim (clock arithmetic)
    expect((next - target.phaseMs) % 60_000).toBe(0);
  });

  it("the job loop returns at its deadline while a hanging check is still running", async () => {
    // Phase chosen so the next slot after this run is 30 s away: the loop sees exactly one slot.
    const hang = await createTestHealthTarget(
      { kind: "http", intervalSeconds: 60, check: { url: hanging.url, timeoutMs: 5000 } },
      new Date(),
    );
    await db.healthTarget.update({ where: { id: hang.id }, data: { phaseMs: (Date.now() + 30_000) % 60_000 } });
    const summary = await runCheckLoop({ durationMs: 800, pollMs: 100, targetIds: [hang.id] });
    expect(summary.checked).toBe(0); // still running
    expect(await checksOf(hang.id)).toEqual([]); // the loop did not wait for it
    await waitForRunningChecks();
    expect(await checksOf(hang.id)).toMatchObject([{ ok: false, failureKind: "timeout" }]);
  });

  it("the job loop runs each due slot once with one timer and one abort listener, and gives back the slots it claimed ahead", async () => {
    // Sleeps left pending used to pile up listeners on the loop's signal ("MaxListenersExceededWarning").
    const outstanding = new Map<EventTarget, number>();
    let most = 0;
    const original = { add: EventTarget.prototype.addEventListener, remove: EventTarget.prototype.removeEventListener };
    EventTarget.prototype.addEventListener = function (
      this: EventTarget,
      ...args: Parameters<EventTarget["addEventListener"]>
    ) {
      if (args[0] === "abort")
        most = Math.max(most, outstanding.set(this, (outstanding.get(this) ?? 0) + 1).get(this)!);
      return original.add.apply(this, args);
    };
    EventTarget.prototype.removeEventListener = function (
      this: EventTarget,
      ...args: Parameters<EventTarget["removeEventListener"]>
    ) {
      if (args[0] === "abort") outstanding.set(this, (outstanding.get(this) ?? 1) - 1);
      return original.remove.apply(this, args);
    };
    const key = uniqueName("k");
    try {
      const targets = await createTargets(40, () => httpTarget(`/healthy?key=${key}`));
      // `now` stays at T0: every target is due once, and its next slot (within the 10 s look-ahead)
      // is claimed ahead but never reached, so the loop must give it back when it ends.
      const summary = await runCheckLoop({
        durationMs: 1500,
        pollMs: 200,
        lookaheadMs: 10_000,
        now: () => T0,
        targetIds: targets.map((t) => t.id),
      });
      await waitForRunningChecks();
      expect(summary).toMatchObject({ checked: 40, errors: 0 });
      expect(requests.get(key)).toBe(40);
      expect(most).toBe(1);
      for (const t of targets) {
        const { nextCheckAt } = await db.healthTarget.findUniqueOrThrow({ where: { id: t.id } });
        expect(nextCheckAt!.getTime()).toBe(nextSlotAfter(T0.getTime(), 10_000, t.phaseMs));
      }
    } finally {
      Object.assign(EventTarget.prototype, { addEventListener: original.add, removeEventListener: original.remove });
    }
  });

  it("releases a claimed slot only while its target is still where the claim put it", async () => {
    const [target] = await createTargets(1, () => httpTarget("/healthy"));
    const slot = T0.getTime();
    const next = nextSlotAfter(slot, 10_000, target!.phaseMs);
    const [mine] = await claimDueTargets(T0, 10, [target!.id], new Date(slot + 1));
    expect(mine).toMatchObject({ slotAt: new Date(slot), claimedNext: new Date(next) });
    // Another scheduler claims the next slot meanwhile: giving ours back now would hand out `next` twice.
    const [theirs] = await claimDueTargets(new Date(next), 10, [target!.id]);
    expect(theirs?.slotAt).toEqual(new Date(next));
    expect(await releaseClaims([mine!])).toBe(0);
    expect((await db.healthTarget.findUniqueOrThrow({ where: { id: target!.id } })).nextCheckAt).toEqual(
      theirs!.claimedNext,
    );
    // The other one gives its slot back: due again, and claimed once.
    expect(await releaseClaims([theirs!])).toBe(1);
    const again = await Promise.all([0, 1, 2].map(() => claimDueTargets(new Date(next), 10, [target!.id])));
    expect(again.flat().map((t) => t.slotAt)).toEqual([new Date(next)]);
  });

  it("the job loop ends when the worker stops it, not at its next poll", async () => {
    // Poll and duration are ten minutes: only the stop can end the loop before the test's own timeout.
    const loop = runCheckLoop({ durationMs: 600_000, pollMs: 600_000, targetIds: [] });
    setTimeout(stopCheckLoops, 200);
    expect(await loop).toMatchObject({ checked: 0, errors: 0 });
  });
});

/** A clock the test moves by hand: sleeps resolve when `advance` passes their end. */
class FakeClock implements SchedulerClock {
  private sleepers: Array<{ until: number; resolve: () => void }> = [];
  constructor(private at: number) {}
  now = () => this.at;
  sleep = (ms: number, signal?: AbortSignal) => {
    let cancel = () => {};
    const done = new Promise<void>((resolve) => {
      const sleeper = { until: this.at + ms, resolve };
      this.sleepers.push(sleeper);
      cancel = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        resolve();
      };
      signal?.addEventListener("abort", cancel, { once: true });
    });
    return { done, cancel };
  };
  advanceTo(at: number) {
    this.at = at;
    const due = this.sleepers.filter((s) => s.until <= at);
    this.sleepers = this.sleepers.filter((s) => s.until > at);
    for (const s of due) s.resolve();
  }
}

describe("the continuous scheduler", () => {
  it("starts checks at their slots across what used to be the gap between minute loops, and two schedulers never run one slot twice", async () => {
    // Slots at 55.5 s and 59.9 s after a minute: the old 55 s loops started every minute left them
    // waiting until the next minute. Interval 60 s; phases put the first slots there.
    const key = uniqueName("gap");
    const minute = T0.getTime();
    const phases = [55_500, 59_900];
    const targets = await createTargets(2, () => httpTarget(`/healthy?key=${key}`, { intervalSeconds: 60 }));
    for (const [i, t] of targets.entries())
      await db.healthTarget.update({
        where: { id: t.id },
        data: { phaseMs: phases[i]!, nextCheckAt: new Date(minute + phases[i]!) },
      });
    const ids = targets.map((t) => t.id);
    const clock = new FakeClock(minute + 50_000);
    const schedulers = [0, 1].map(() =>
      runCheckLoop({ durationMs: Number.POSITIVE_INFINITY, pollMs: 1000, lookaheadMs: 2000, clock, targetIds: ids }),
    );
    const claimedBy = async (id: string) =>
      (await db.healthTarget.findUniqueOrThrow({ where: { id } })).nextCheckAt!.getTime();
    try {
      for (const [i, id] of ids.entries()) {
        const slot = minute + phases[i]!;
        // Walk the clock to just before the slot, a poll at a time: the target gets claimed ahead…
        for (let at = clock.now() + 1000; at < slot; at += 1000) {
          clock.advanceTo(Math.min(at, slot - 1));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        clock.advanceTo(slot - 1);
        await vi.waitFor(async () => expect(await claimedBy(id)).toBe(slot + 60_000), { timeout: 10_000 });
        // …but not started before its slot…
        expect(requests.get(key) ?? 0).toBe(i);
        // …and started when the clock reaches it, by exactly one of the two schedulers.
        clock.advanceTo(slot);
        await vi.waitFor(() => expect(requests.get(key)).toBe(i + 1), { timeout: 10_000 });
      }
      clock.advanceTo(minute + 62_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(requests.get(key)).toBe(2);
    } finally {
      stopCheckLoops();
      await Promise.all(schedulers);
      await waitForRunningChecks();
    }
    expect((await checksOf(ids[0]!)).length + (await checksOf(ids[1]!)).length).toBe(2);
  });

  it("a scheduler that ends gives back the slots it claimed ahead, and another one runs each of them once, at its slot", async () => {
    const key = uniqueName("handover");
    const minute = T0.getTime() + 120_000;
    const phases = [5_000, 6_000, 7_000];
    const targets = await createTargets(3, () => httpTarget(`/healthy?key=${key}`, { intervalSeconds: 60 }));
    for (const [i, t] of targets.entries())
      await db.healthTarget.update({
        where: { id: t.id },
        data: { phaseMs: phases[i]!, nextCheckAt: new Date(minute + phases[i]!) },
      });
    const ids = targets.map((t) => t.id);
    const nextOf = async (id: string) =>
      (await db.healthTarget.findUniqueOrThrow({ where: { id } })).nextCheckAt!.getTime();
    const clock = new FakeClock(minute);
    // The first scheduler claims all three (10 s look-ahead) and ends at 4 s, before any slot.
    const first = runCheckLoop({ durationMs: 4_000, pollMs: 1000, lookaheadMs: 10_000, clock, targetIds: ids });
    await vi.waitFor(async () => expect(await nextOf(ids[2]!)).toBe(minute + phases[2]! + 60_000), { timeout: 10_000 });
    clock.advanceTo(minute + 4_000);
    expect(await first).toMatchObject({ checked: 0, errors: 0 });
    for (const [i, id] of ids.entries()) expect(await nextOf(id)).toBe(minute + phases[i]!);
    expect(requests.get(key)).toBeUndefined();
    const second = runCheckLoop({
      durationMs: Number.POSITIVE_INFINITY,
      pollMs: 1000,
      lookaheadMs: 10_000,
      clock,
      targetIds: ids,
    });
    try {
      for (const [i, phase] of phases.entries()) {
        await vi.waitFor(async () => expect(await nextOf(ids[i]!)).toBe(minute + phase + 60_000), { timeout: 10_000 });
        expect(requests.get(key) ?? 0).toBe(i); // claimed, not yet started
        clock.advanceTo(minute + phase);
        await vi.waitFor(() => expect(requests.get(key)).toBe(i + 1), { timeout: 10_000 });
      }
    } finally {
      stopCheckLoops();
      await second;
      await waitForRunningChecks();
    }
    for (const id of ids) expect(await checksOf(id)).toHaveLength(1);
  });
});
