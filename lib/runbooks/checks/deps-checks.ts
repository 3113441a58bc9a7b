// "Review dependency updates" bound to the Dependencies page's own counts (lib/deps), never a second copy.
import { getDependencyCounts } from "@/lib/deps/view";
import { enabledRepoIds } from "./github-checks";
import type { CheckContext, CheckResult } from "./ids";

export async function overdueDependencyUpdatesCheck(ctx: CheckContext): Promise<CheckResult> {
  const repoIds = await enabledRepoIds(ctx);
  if (repoIds.length === 0) {
    return {
      id: "deps.overdue_updates",
      status: "not_connected",
      value: null,
      display: "not connected: no repository synced yet",
      evidenceUrl: "/dependencies",
    };
  }
  const counts = await getDependencyCounts({ now: ctx.now, repositoryIds: repoIds });
  const security = counts.reduce((n, c) => n + c.overdueSecurity, 0);
  const patchMinor = counts.reduce((n, c) => n + c.overduePatchMinor, 0);
  const value = security + patchMinor;
  return {
    id: "deps.overdue_updates",
    status: value === 0 ? "pass" : "fail",
    value,
    display: `${security} security, ${patchMinor} patch/minor overdue`,
    evidenceUrl: "/dependencies",
  };
}
