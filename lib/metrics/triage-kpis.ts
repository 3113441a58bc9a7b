// Triage KPIs from the triage feature's own evaluation (lib/triage): of the issues and pull
// requests created in the window whose clock has stopped or run out, the share answered within
// the priority's target. Evaluated as of now, like the triage summary.
import "server-only";
import { getTeamSchedule } from "@/lib/team/schedule";
import { evaluateRepos, listTriageRepos } from "@/lib/triage/queries";
import type { TriageRow } from "@/lib/triage/rules/evaluate";
import { dataVersion } from "./cache";
import type { KpiValues, WindowBounds } from "./types";

const LEVELS = ["P0", "P1", "P2", "P3"] as const;

function share(rows: TriageRow[]): { value: number | null; count: number } {
  const decided = rows.filter((r) => r.state !== "within" && r.state !== "due_soon");
  return {
    value: decided.length ? decided.filter((r) => r.state === "responded").length / decided.length : null,
    count: decided.length,
  };
}

// Evaluating every item's rules is the slow part of a request: a result is reused within the same
// minute while the repositories' data version is unchanged (clocks move on each minute).
const recent = new Map<string, KpiValues>();

export async function computeTriage(
  repoIds: string[],
  windows: WindowBounds[],
  now = new Date(),
): Promise<KpiValues[]> {
  const [repos, schedule, version] = await Promise.all([
    listTriageRepos({ repositoryIds: repoIds }),
    getTeamSchedule(),
    dataVersion(repoIds),
  ]);
  const minute = Math.floor(now.getTime() / 60_000);
  return Promise.all(
    windows.map(async (w) => {
      const key = JSON.stringify([[...repoIds].sort(), w.start.getTime(), w.end.getTime(), version, minute, schedule]);
      const hit = recent.get(key);
      if (hit) return hit;
      const values = await evaluateWindow(repos, schedule, w, now);
      if (recent.size > 500) recent.clear();
      recent.set(key, values);
      return values;
    }),
  );
}

async function evaluateWindow(
  repos: Awaited<ReturnType<typeof listTriageRepos>>,
  schedule: Awaited<ReturnType<typeof getTeamSchedule>>,
  w: WindowBounds,
  now: Date,
): Promise<KpiValues> {
  const rows = await evaluateRepos(repos, { createdSince: w.start, createdBefore: w.end }, now, schedule);
  const out: KpiValues = { "triage.within_target": share(rows) };
  for (const p of LEVELS) out[`triage.within_target.${p}`] = share(rows.filter((r) => r.priority === p));
  return out;
}
