/** One row per imported section: [path, rrule, onDemand, businessHoursOnly, items as "kind: text"]. */
export type Expected = Array<[string, string | null, boolean, boolean, string[]]>;
