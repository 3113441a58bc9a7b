// Triage KPIs from the triage feature's own evaluation (lib/triage): of the issues and pull
// requests created in the window whose clock has stopped or run out, the share answered within
// the priority's target. Evaluated as of now, like the triage summary.
import "server-only";
import { getTeamSchedule } from "@/lib/team/schedule";
import { evaluateRepos, listTriageRepos } from "@/lib/triage/queries";
import type { TriageRow } from "@/lib/triage/rules/evaluate";
import type { KpiValues, WindowBounds } from "./types";

const LEVELS = ["P0", "P1", "P2", "P3"] as const;

function share(rows: TriageRow[]): { value: number | null; count: number } {
  const decided = rows.filter((r) => r.state !== "within" && r.state !== "due_soon");
  return { value: decided.length ? decided.filter((r) => r.state === "responded").length / decided.length : null, count: decided.length };
}

export async function computeTriage(repoIds: string[], windows: WindowBounds[], now = new Date()): Promise<KpiValues[]> {
  const [repos, schedule] = await Promise.all([listTriageRepos({ repositoryIds: repoIds }), getTeamSchedule()]);
  return Promise.all(windows.map(async (w) => {
    const rows = (await evaluateRepos(repos, { createdSince: w.start }, now, schedule)).filter((r) => r.createdAt < w.end);
    const out: KpiValues = { "triage.within_target": share(rows) };
    for (const p of LEVELS) out[`triage.within_target.${p}`] = share(rows.filter((r) => r.priority === p));
    return out;
  }));
}
