"use client";
import { useState } from "react";
import type { ItemView } from "@/lib/runbooks/views/types";
import { useTickMutation, useUndoTickMutation } from "@/lib/runbooks/hooks";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { CheckValue } from "./check-value";

const KIND = { task: "", step: "step", criterion: "criterion" } as Record<string, string>;

/** One checklist item: its live value, who ticked it (or the automatic evidence), and tick / skip for maintainers. */
export function ItemRow({
  runId,
  item,
  canAct,
  open,
}: {
  runId: string;
  item: ItemView;
  canAct: boolean;
  open: boolean;
}) {
  const tick = useTickMutation();
  const undo = useUndoTickMutation();
  const [note, setNote] = useState("");
  const c = item.completion;
  const act = (status: "done" | "skipped") => tick.mutate({ runId, itemId: item.id, status, note: note || undefined });
  return (
    <li
      className={`flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:justify-between ${item.nested ? "pl-6" : ""}`}
      data-testid="checklist-item"
    >
      <div className="min-w-0 space-y-1">
        <p className="text-sm">
          <span aria-hidden="true" className="mr-2">
            {c ? (c.status === "done" ? "☑" : "⊘") : "☐"}
          </span>
          <span className={c?.status === "skipped" ? "line-through" : ""}>{item.text}</span>
          {KIND[item.kind] && <span className="ml-2 text-xs text-neutral-500">{KIND[item.kind]}</span>}
        </p>
        {item.live && !c && <CheckValue result={item.live} />}
        {c && (
          <p className="text-xs text-neutral-600 dark:text-neutral-400" data-testid="completion">
            {c.status === "done" ? "Done" : "Skipped"}{" "}
            {c.source === "auto" ? "automatically" : `by ${c.byName ?? "unknown"}`} at {formatDateTime(c.at)}
            {c.evidence && (
              <>
                {" "}
                · evidence:{" "}
                {c.evidenceUrl ? (
                  <a className="underline" href={c.evidenceUrl}>
                    {c.evidence}
                  </a>
                ) : (
                  c.evidence
                )}
              </>
            )}
            {c.note && <> · “{c.note}”</>}
          </p>
        )}
        {(tick.error ?? undo.error) && (
          <p role="alert" className="text-xs text-red-700 dark:text-red-400">
            {(tick.error ?? undo.error)?.message}
          </p>
        )}
      </div>
      {canAct && open && c && (
        <Button
          variant="ghost"
          className="shrink-0 px-2 py-1 text-xs"
          disabled={undo.isPending}
          onClick={() => undo.mutate({ runId, itemId: item.id })}
          aria-label={`Undo “${item.text}”`}
          title={
            c.source === "auto" ? "Takes back the automatic tick; steward will not re-tick it in this run." : undefined
          }
        >
          Undo
        </Button>
      )}
      {canAct && open && !c && (
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor={`note-${runId}-${item.id}`}>
            Note for “{item.text}”
          </label>
          <input
            id={`note-${runId}-${item.id}`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="note (optional)"
            className="w-36 rounded border border-neutral-300 bg-white px-2 py-1 text-xs dark:border-neutral-700 dark:bg-neutral-900"
          />
          <Button
            variant="secondary"
            className="px-2 py-1 text-xs"
            disabled={tick.isPending}
            onClick={() => act("done")}
            aria-label={`Tick “${item.text}”`}
          >
            Tick
          </Button>
          <Button
            variant="ghost"
            className="px-2 py-1 text-xs"
            disabled={tick.isPending}
            onClick={() => act("skipped")}
            aria-label={`Skip “${item.text}”`}
          >
            Skip
          </Button>
        </div>
      )}
    </li>
  );
}
