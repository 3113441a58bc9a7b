"use client";
import { useState } from "react";
import type { RunView } from "@/lib/runbooks/views/types";
import { useSignOffMutation, useSkipRunMutation } from "@/lib/runbooks/hooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { formatInZone } from "./format";
import { ItemRow } from "./item-row";

const STATUS = {
  due: ["sky", "due"],
  overdue: ["red", "overdue"],
  in_progress: ["sky", "in progress"],
  on_time: ["green", "signed off on time"],
  late: ["amber", "signed off late"],
  skipped: ["neutral", "skipped"],
} as const;

export function RunCard({ run, canAct, timeZone }: { run: RunView; canAct: boolean; timeZone: string }) {
  const [tone, word] = STATUS[run.status];
  const open = run.status === "due" || run.status === "overdue" || run.status === "in_progress";
  const signOff = useSignOffMutation();
  const skip = useSkipRunMutation();
  const [reason, setReason] = useState("");
  const pct = run.progress.total ? Math.round((run.progress.done / run.progress.total) * 100) : 0;
  return (
    <article
      className="min-w-0 rounded-lg border border-neutral-200 bg-white p-4 break-words dark:border-neutral-800 dark:bg-neutral-900"
      aria-label={run.sectionTitle}
      id={`run-${run.id}`}
      data-testid="run-card"
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">
            {run.sectionTitle}
            {run.label && <span className="font-normal"> — {run.label}</span>}
          </h3>
          <p className="text-xs text-neutral-500 dark:text-neutral-400">
            {run.runbookTitle} · {run.cadence} ·{" "}
            {run.label ? `started ${formatInZone(run.dueAt, timeZone)}` : `due ${formatInZone(run.dueAt, timeZone)}`}
            {run.version && <> · version {run.version} (tag, release and CI steps match this version)</>}
          </p>
          {run.incident && (
            <p className="text-xs">
              For incident{" "}
              <a className="underline" href={`/incidents/${run.incident.id}`}>
                {run.incident.title}
              </a>
            </p>
          )}
        </div>
        <Badge tone={tone}>{word}</Badge>
      </header>
      <div
        className="mt-3 flex items-center gap-3"
        aria-label={`Progress ${run.progress.done} of ${run.progress.total}`}
      >
        <div className="h-2 flex-1 overflow-hidden rounded bg-neutral-200 dark:bg-neutral-800">
          <div className="h-full bg-green-600" style={{ width: `${pct}%` }} />
        </div>
        <span className="text-xs tabular-nums" data-testid="progress">
          {run.progress.done}/{run.progress.total}
        </span>
      </div>
      <ul className="mt-2 divide-y divide-neutral-100 dark:divide-neutral-800">
        {run.items.map((item) => (
          <ItemRow key={item.id} runId={run.id} item={item} canAct={canAct} open={open} />
        ))}
      </ul>
      {run.commands.length > 0 && (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer text-neutral-600 dark:text-neutral-400">
            Commands ({run.commands.length})
          </summary>
          {run.commands.map((c, i) => (
            <CommandBlock key={i} code={c.code} />
          ))}
        </details>
      )}
      {run.signOff && (
        <p className="mt-2 text-xs text-green-800 dark:text-green-300">
          Signed off by {run.signOff.byName} at {formatDateTime(run.signOff.at)}
          {run.signOff.note && ` — “${run.signOff.note}”`}
        </p>
      )}
      {run.skipReason && <p className="mt-2 text-xs">Skipped: {run.skipReason}</p>}
      {canAct && open && (
        <footer className="mt-3 flex flex-wrap items-center gap-2">
          <Button
            disabled={signOff.isPending || run.progress.done < run.progress.total}
            onClick={() => signOff.mutate({ runId: run.id })}
          >
            Sign off
          </Button>
          <label className="sr-only" htmlFor={`reason-${run.id}`}>
            Reason to skip this run
          </label>
          <input
            id={`reason-${run.id}`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="reason to skip the run"
            className="w-48 rounded border border-neutral-300 bg-white px-2 py-1 text-xs dark:border-neutral-700 dark:bg-neutral-900"
          />
          <Button
            variant="ghost"
            disabled={skip.isPending || reason.trim().length < 3}
            onClick={() => skip.mutate({ runId: run.id, reason })}
          >
            Skip run
          </Button>
          {(signOff.error ?? skip.error) && (
            <p role="alert" className="text-xs text-red-700 dark:text-red-400">
              {(signOff.error ?? skip.error)?.message}
            </p>
          )}
        </footer>
      )}
    </article>
  );
}

export function CommandBlock({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="relative mt-2">
      <pre tabIndex={0} className="overflow-x-auto rounded bg-neutral-100 p-2 font-mono text-xs dark:bg-neutral-950">
        {code}
      </pre>
      <button
        type="button"
        className="absolute right-1 top-1 rounded bg-white px-2 py-0.5 text-xs shadow dark:bg-neutral-800"
        onClick={() => void navigator.clipboard?.writeText(code).then(() => setCopied(true))}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}
