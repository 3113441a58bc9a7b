import { describe, expect, it } from "vitest";
import {
  evaluate,
  INITIAL_ALERT_STATE,
  nextState,
  resolveThresholds,
  type AlertEvent,
  type AlertState,
  type Kpi,
  type Level,
} from "./thresholds";

describe("evaluate with the runbook defaults", () => {
  it.each<[Kpi, number, Level]>([
    ["response_time_ms", 99, "ok"],
    ["response_time_ms", 200, "ok"], // "alert > 200 ms": 200 itself is not an alert
    ["response_time_ms", 200.01, "warning"],
    ["response_time_ms", 500, "warning"],
    ["response_time_ms", 501, "critical"],
    ["error_rate_pct", 0.1, "ok"],
    ["error_rate_pct", 1, "ok"],
    ["error_rate_pct", 1.01, "warning"],
    ["error_rate_pct", 5, "warning"],
    ["error_rate_pct", 5.01, "critical"],
    ["throughput_rps", 1000, "ok"], // lower is worse
    ["throughput_rps", 500, "ok"],
    ["throughput_rps", 499.9, "warning"],
    ["throughput_rps", 100, "warning"],
    ["throughput_rps", 99.9, "critical"],
    ["throughput_rps", 0, "critical"],
    ["memory_pct", 80, "ok"],
    ["memory_pct", 90, "ok"],
    ["memory_pct", 90.5, "warning"],
    ["memory_pct", 95, "warning"],
    ["memory_pct", 95.1, "critical"],
    ["breaker_state", 0, "ok"],
    ["breaker_state", 2, "warning"], // half-open
    ["breaker_state", 1, "critical"], // open
  ])("%s = %s → %s", (kpi, value, level) => expect(evaluate(kpi, value)).toBe(level));

  it("refuses NaN instead of calling it ok", () => {
    expect(() => evaluate("response_time_ms", NaN)).toThrow(RangeError);
  });
});

describe("per-target overrides", () => {
  it("replaces only the given fields", () => {
    const t = resolveThresholds({
      response_time_ms: { warning: 1000, critical: 3000 },
      throughput_rps: { warning: 5, critical: 1 },
    });
    expect(evaluate("response_time_ms", 800, t)).toBe("ok");
    expect(evaluate("response_time_ms", 3001, t)).toBe("critical");
    expect(evaluate("throughput_rps", 3, t)).toBe("warning");
    expect(evaluate("memory_pct", 96, t)).toBe("critical"); // untouched default
  });

  it("rejects warning/critical in the wrong order for the KPI's direction", () => {
    expect(() => resolveThresholds({ response_time_ms: { warning: 600 } })).toThrow(
      "response_time_ms: warning 600 and critical 500",
    );
    expect(() => resolveThresholds({ throughput_rps: { critical: 600 } })).toThrow(RangeError);
  });
});

function run(levels: Level[], breachesToChange: number) {
  let state: AlertState = INITIAL_ALERT_STATE;
  const events: AlertEvent[] = [];
  levels.forEach((observed, i) => {
    const step = nextState(state, observed, {
      breachesToChange,
      kpi: "response_time_ms",
      value: i,
      at: new Date(i * 1000),
    });
    state = step.state;
    if (step.event) events.push(step.event);
  });
  return { state, events: events.map((e) => `${e.from}→${e.to}@${e.value}`) };
}

describe("nextState", () => {
  it("changes level only after N consecutive observations, and records the event", () => {
    expect(run(["critical", "critical"], 3)).toMatchObject({
      state: { level: "ok", consecutiveBreaches: 2 },
      events: [],
    });
    const { state, events } = run(["critical", "critical", "critical"], 3);
    expect(state).toEqual({ level: "critical", consecutiveBreaches: 0, pendingLevel: null });
    expect(events).toEqual(["ok→critical@2"]);
  });

  it("returns the full event", () => {
    const step = nextState(INITIAL_ALERT_STATE, "warning", {
      breachesToChange: 1,
      kpi: "memory_pct",
      value: 91,
      at: new Date(5),
    });
    expect(step.event).toEqual({ kpi: "memory_pct", from: "ok", to: "warning", value: 91, at: new Date(5) });
    // The instant may come as Unix ms (the push path): the event still carries a Date.
    const fromMs = nextState(INITIAL_ALERT_STATE, "warning", {
      breachesToChange: 1,
      kpi: "memory_pct",
      value: 91,
      at: 5,
    });
    expect(fromMs.event).toEqual(step.event);
    expect(fromMs.event?.at).toBeInstanceOf(Date);
  });

  it("does not flap on an alternating sequence", () => {
    expect(run(["warning", "ok", "warning", "ok", "critical", "ok", "critical", "ok"], 2).events).toEqual([]);
  });

  it("escalates to the mildest level the whole streak reached", () => {
    expect(run(["critical", "warning", "critical"], 3).events).toEqual(["ok→warning@2"]);
  });

  it("recovers only after N better observations, to the worst level among them", () => {
    const seq: Level[] = ["critical", "critical", "ok", "warning", "critical", "ok", "ok"];
    expect(run(seq, 2).events).toEqual(["ok→critical@1", "critical→warning@3", "warning→ok@6"]);
  });

  it("treats breachesToChange < 1 as 1", () => {
    expect(run(["warning"], 0).events).toEqual(["ok→warning@0"]);
  });
});
