// Whether a target is inside a maintenance window at a moment (lib/incidents/maintenance.ts).

export async function isUnderMaintenance(targetId: string, at: Date): Promise<boolean> {
  void targetId;
  void at;
  return false;
}
