// The recurring runbook job: create due runs (idempotent), then let passing checks complete bound items.
import { getTeamSchedule } from "@/lib/team/schedule";
import { ensureDueRuns } from "@/lib/runbooks/recurrence/ensure-runs";
import { autoCompleteRuns } from "@/lib/runbooks/checks/auto-complete";

export async function runRunbookTick(now = new Date()): Promise<Record<string, number>> {
  const schedule = await getTeamSchedule();
  const runs = await ensureDueRuns({ now, schedule });
  const auto = await autoCompleteRuns({ now });
  return { sections: runs.sections, runsCreated: runs.created, openRuns: auto.runs, autoCompleted: auto.completed };
}
