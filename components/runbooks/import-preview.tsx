"use client";
import type { PreviewResponse } from "@/lib/runbooks/preview-types";
import type { SectionEdit } from "@/lib/runbooks/schemas";
import { ROLES } from "@/lib/auth/roles";
import { cadenceInWords } from "@/lib/runbooks/cadence-words";
import { Badge } from "@/components/ui/badge";
import { CheckSelect } from "./check-select";

export type PreviewEdits = { sections: Record<string, SectionEdit>; checks: Record<string, string | null> };

/** The import preview: what was recognised per section (cadence as written and as RRULE, items, suggested checks), editable. */
export function ImportPreviewEditor({
  preview,
  edits,
  onChange,
}: {
  preview: PreviewResponse;
  edits: PreviewEdits;
  onChange: (e: PreviewEdits) => void;
}) {
  const editSection = (path: string[], patch: Partial<SectionEdit>) => {
    const key = path.join("\u0000");
    onChange({ ...edits, sections: { ...edits.sections, [key]: { ...(edits.sections[key] ?? { path }), ...patch } } });
  };
  return (
    <div className="space-y-3" data-testid="import-preview">
      <h3 className="font-semibold">
        {preview.title}: {preview.sections.length} sections, {preview.sections.reduce((n, s) => n + s.items.length, 0)}{" "}
        items
      </h3>
      {preview.warnings.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-xs text-amber-800 dark:text-amber-300" aria-label="Warnings">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {preview.sections.map((s, si) => {
        const edit = edits.sections[s.path.join("\u0000")];
        const rrule = edit?.rrule !== undefined ? edit.rrule : s.cadence.rrule;
        const words = cadenceInWords({
          rrule,
          onDemand: edit?.onDemand ?? s.cadence.onDemand,
          businessHoursOnly: edit?.businessHoursOnly ?? s.cadence.businessHoursOnly,
        });
        return (
          <details
            key={s.path.join("/")}
            className="rounded border border-neutral-200 p-3 dark:border-neutral-800"
            open={si < 2}
          >
            <summary className="cursor-pointer text-sm">
              <span className="font-medium">{s.path.join(" › ")}</span>{" "}
              {rrule ? (
                <Badge tone="sky">{rrule}</Badge>
              ) : s.cadence.onDemand ? (
                <Badge>on demand</Badge>
              ) : (
                <Badge tone="amber">no cadence</Badge>
              )}
              {s.cadence.businessHoursOnly && (
                <>
                  {" "}
                  <Badge>business hours</Badge>
                </>
              )}
              <span className="ml-2 text-xs text-neutral-500">
                {words} · {s.cadence.text ? `“${s.cadence.text}”${s.cadence.inherited ? " (inherited)" : ""}` : ""} ·{" "}
                {s.items.length} items
              </span>
            </summary>
            <div className="mt-2 flex flex-wrap items-center gap-3 text-xs">
              <label>
                RRULE{" "}
                <input
                  aria-label={`RRULE of ${s.title}`}
                  defaultValue={s.cadence.rrule ?? ""}
                  onBlur={(e) => editSection(s.path, { rrule: e.target.value.trim() || null })}
                  className="ml-1 w-56 rounded border border-neutral-300 bg-white px-1 py-0.5 font-mono dark:border-neutral-700 dark:bg-neutral-900"
                  placeholder="FREQ=WEEKLY;BYDAY=MO"
                />
              </label>
              <label>
                <input
                  type="checkbox"
                  defaultChecked={s.cadence.onDemand}
                  onChange={(e) => editSection(s.path, { onDemand: e.target.checked })}
                />{" "}
                on demand
              </label>
              <label>
                <input
                  type="checkbox"
                  defaultChecked={s.cadence.businessHoursOnly}
                  onChange={(e) => editSection(s.path, { businessHoursOnly: e.target.checked })}
                />{" "}
                business hours only
              </label>
              <label>
                Due at{" "}
                <input
                  aria-label={`Due time of ${s.title}`}
                  defaultValue={edit?.dueTime ?? "17:00"}
                  onBlur={(e) => {
                    const value = e.target.value.trim();
                    if (/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) editSection(s.path, { dueTime: value });
                  }}
                  className="ml-1 w-16 rounded border border-neutral-300 bg-white px-1 py-0.5 font-mono dark:border-neutral-700 dark:bg-neutral-900"
                  placeholder="17:00"
                />
              </label>
              <label>
                Owner{" "}
                <select
                  aria-label={`Owner role of ${s.title}`}
                  defaultValue={edit?.ownerRole ?? "maintainer"}
                  onChange={(e) => editSection(s.path, { ownerRole: e.target.value as (typeof ROLES)[number] })}
                  className="ml-1 rounded border border-neutral-300 bg-white px-1 py-0.5 dark:border-neutral-700 dark:bg-neutral-900"
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <ul className="mt-2 space-y-1 text-sm">
              {s.items.map((item) => (
                <li
                  key={item.key}
                  className={`flex flex-wrap items-center justify-between gap-2 ${item.parentKey ? "pl-5" : ""}`}
                >
                  <span>
                    {item.checked ? "☑" : "☐"} {item.text} <span className="text-xs text-neutral-500">{item.kind}</span>
                  </span>
                  <CheckSelect
                    id={`check-${item.key}`}
                    label={`Live check for ${item.text}`}
                    value={item.key in edits.checks ? (edits.checks[item.key] ?? null) : item.suggestedCheck}
                    onChange={(v) => onChange({ ...edits, checks: { ...edits.checks, [item.key]: v } })}
                  />
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
