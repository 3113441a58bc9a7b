import type { KeptEdit } from "@/lib/runbooks/store/save-import-types";

const FIELD_NAMES: Record<KeptEdit["field"], string> = {
  rrule: "cadence (RRULE)",
  onDemand: "on demand",
  businessHoursOnly: "business hours only",
  dueTime: "due time",
};

/** After a re-import: the settings a person had edited that were kept although the markdown says otherwise. */
export function KeptEdits({ kept }: { kept: KeptEdit[] }) {
  return (
    <section
      role="status"
      aria-labelledby="kept-edits"
      className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      <h3 id="kept-edits" className="font-semibold">
        Re-imported. Your edits were kept:
      </h3>
      <ul className="mt-1 list-disc pl-5" data-testid="kept-edits">
        {kept.map((k) => (
          <li key={`${k.section}:${k.field}`}>
            {k.section}: {FIELD_NAMES[k.field]} stays <code>{k.yours}</code> (the markdown says{" "}
            <code>{k.imported}</code>). Change it in the section below if the markdown is right.
          </li>
        ))}
      </ul>
    </section>
  );
}
