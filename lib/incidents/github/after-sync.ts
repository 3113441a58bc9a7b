// Called after a repository's sync and after each webhook delivery: opens incidents from new P0 issues
// and security alerts, then links items that reference incidents and records their state changes.
// Never throws: the sync's outcome must not depend on the incident board.
import { logger } from "@/lib/logger";
import { openIncidentsFromGithub } from "./auto-open";
import { syncRelatedItems } from "./related";

export async function afterGithubSync(repoId: string, now?: Date) {
  try {
    const opened = await openIncidentsFromGithub({ now }, repoId);
    const related = await syncRelatedItems({ now }, repoId);
    return { opened: opened.opened.length, linked: related.linked, stateChanges: related.stateChanges };
  } catch (error) {
    logger.error("incidents: GitHub changes could not be applied to the incident board", { repoId, error });
    return null;
  }
}
