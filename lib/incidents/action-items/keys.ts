import { createHash } from "node:crypto";

/** An action item's identity: its text, trimmed and lower-cased (reordering items keeps their issues). */
export function actionItemKey(text: string): string {
  return createHash("sha256").update(text.trim().replace(/\s+/g, " ").toLowerCase()).digest("hex").slice(0, 32);
}

/** Written into the issue body, so an issue whose creation was not confirmed can be found again. */
export const issueMarker = (claimId: string) => `<!-- steward:action-item ${claimId} -->`;
