"use client";
import { useState } from "react";
import type { SectionView } from "@/lib/runbooks/views/types";
import { useBindCheckMutation, useUpdateSectionMutation } from "@/lib/runbooks/hooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CheckSelect } from "./check-select";
import { CommandBlock } from "./run-card";

/** A section: cadence in words and as RRULE, its items and bound checks; maintainers edit both. */
export function SectionRow({ section, canAct }: { section: SectionView; canAct: boolean }) {
  const update = useUpdateSectionMutation();
  const bind = useBindCheckMutation();
  const [rrule, setRrule] = useState(section.rrule ?? "");
  const [dueTime, setDueTime] = useState(section.dueTime);
  return (
    <details className="rounded border border-neutral-200 p-3 dark:border-neutral-800" data-testid="section-row">
      <summary className="cursor-pointer text-sm">
        <span className="font-medium">{section.path.join(" › ")}</span>{" "}
        <span className="text-neutral-600 dark:text-neutral-400">· {section.cadence}</span>{" "}
        {section.rrule && <code className="text-xs">{section.rrule}</code>}{" "}
        {!section.rrule && !section.onDemand && <Badge tone="amber">set a cadence</Badge>}
        {section.edited.length > 0 && (
          <span title={`Set by a person: ${section.edited.join(", ")}. A re-import keeps these.`}>
            {" "}
            <Badge tone="sky">edited · kept on re-import</Badge>
          </span>
        )}
        {section.removed && (
          <>
            {" "}
            <Badge>removed in the last import</Badge>
          </>
        )}
      </summary>
      {canAct && !section.removed && (
        <form
          className="mt-2 flex flex-wrap items-end gap-2 text-xs"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ id: section.id, rrule: rrule.trim() || null, dueTime });
          }}
        >
          <label>
            RRULE
            <input
              value={rrule}
              onChange={(e) => setRrule(e.target.value)}
              placeholder="FREQ=DAILY"
              className="ml-1 w-56 rounded border border-neutral-300 bg-white px-1 py-0.5 font-mono dark:border-neutral-700 dark:bg-neutral-900"
            />
          </label>
          <label>
            Due at (local)
            <input
              value={dueTime}
              onChange={(e) => setDueTime(e.target.value)}
              className="ml-1 w-16 rounded border border-neutral-300 bg-white px-1 py-0.5 dark:border-neutral-700 dark:bg-neutral-900"
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={section.onDemand}
              onChange={(e) => update.mutate({ id: section.id, onDemand: e.target.checked })}
            />{" "}
            on demand
          </label>
          <label>
            <input
              type="checkbox"
              checked={section.businessHoursOnly}
              onChange={(e) => update.mutate({ id: section.id, businessHoursOnly: e.target.checked })}
            />{" "}
            business hours only
          </label>
          <Button type="submit" variant="secondary" className="px-2 py-1 text-xs" disabled={update.isPending}>
            Save cadence
          </Button>
          {update.error && (
            <span role="alert" className="text-red-700 dark:text-red-400">
              {update.error.message}
            </span>
          )}
        </form>
      )}
      {section.guidanceHtml && (
        <div
          className="prose-sm mt-2 max-w-none text-sm text-neutral-700 dark:text-neutral-300 [&_table]:text-xs [&_ul]:list-disc [&_ul]:pl-5"
          dangerouslySetInnerHTML={{ __html: section.guidanceHtml }}
        />
      )}
      {section.commands.map((c, i) => (
        <CommandBlock key={i} code={c.code} />
      ))}
      <ul className="mt-2 space-y-1 text-sm">
        {section.items
          .filter((i) => !i.removed)
          .map((item) => (
            <li
              key={item.id}
              className={`flex flex-wrap items-center justify-between gap-2 ${item.nested ? "pl-5" : ""}`}
            >
              <span>
                {item.text} <span className="text-xs text-neutral-500">{item.kind}</span>
              </span>
              <CheckSelect
                id={`bind-${item.id}`}
                label={`Live check for ${item.text}`}
                value={item.checkId}
                disabled={!canAct || bind.isPending}
                onChange={(v) => bind.mutate({ id: item.id, checkId: v })}
              />
            </li>
          ))}
      </ul>
    </details>
  );
}
