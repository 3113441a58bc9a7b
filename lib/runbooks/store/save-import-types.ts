// The result of an import (client-safe).
export type ImportOutcome = {
  id: string;
  slug: string;
  title: string;
  created: boolean;
  active: boolean;
  sections: number;
  items: number;
  warnings: string[];
  /** Re-import: cadence settings a person had edited, kept although the markdown now says otherwise. */
  kept: KeptEdit[];
};
export type KeptEdit = { section: string; field: EditableField; yours: string; imported: string };
export const EDITABLE_FIELDS = ["rrule", "onDemand", "businessHoursOnly", "dueTime"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
