// started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved, for the ones that are set.
export type IncidentTimes = {
  startedAt: Date;
  detectedAt: Date;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
};

const ORDER = ["startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt"] as const;
const LABEL: Record<(typeof ORDER)[number], string> = {
  startedAt: "started",
  detectedAt: "detected",
  acknowledgedAt: "acknowledged",
  mitigatedAt: "mitigated",
  resolvedAt: "resolved",
};

/** A message per out-of-order field (keyed by the later field), or null when the order holds. */
export function timestampOrderErrors(t: IncidentTimes): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  ORDER.forEach((laterKey, i) => {
    const later = t[laterKey];
    if (!later) return;
    const earlierKey = ORDER.slice(0, i)
      .reverse()
      .find((k) => t[k] !== null);
    const earlier = earlierKey ? t[earlierKey] : null;
    if (earlierKey && earlier && later < earlier) {
      errors[laterKey] = [
        `The ${LABEL[laterKey]} time (${later.toISOString()}) is before the ${LABEL[earlierKey]} time (${earlier.toISOString()}); times must be in the order started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved.`,
      ];
    }
  });
  return Object.keys(errors).length > 0 ? errors : null;
}

export function orderMessage(errors: Record<string, string[]>): string {
  return Object.values(errors)[0]?.[0] ?? "Times are out of order.";
}
