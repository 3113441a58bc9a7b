/**
 * When checks are due. A target with interval I and phase P is checked at P + k·I (ms since the
 * epoch). P comes from a hash of the target's id, so targets with the same interval are spread
 * evenly over it instead of all firing at :00, and a target keeps its rhythm across restarts and
 * workers. Slots missed while nothing ran are skipped, not run back to back.
 */
import { createHash } from "node:crypto";

/** Deterministic offset in [0, intervalMs) for a target. */
export function phaseFor(targetId: string, intervalMs: number): number {
  const hash = createHash("sha256").update(targetId).digest();
  return hash.readUInt32BE(0) % intervalMs;
}

/** The first slot strictly after `afterMs`. */
export function nextSlotAfter(afterMs: number, intervalMs: number, phaseMs: number): number {
  return Math.floor((afterMs - phaseMs) / intervalMs + 1) * intervalMs + phaseMs;
}
