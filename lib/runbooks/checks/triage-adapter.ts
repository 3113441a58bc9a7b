// ADAPTER for the triage helper's getTriageCounts (lib/triage), built in parallel. Until the lead wires it,
// the triage checks report "not connected" — never a pass. Wire it by making getTriageCountsForChecks call lib/triage.

export type TriageCountsForChecks = { untriagedOver48h: number; p0PastTarget: number; stale: number };

export async function getTriageCountsForChecks(_now: Date): Promise<TriageCountsForChecks | null> {
  return null;
}
