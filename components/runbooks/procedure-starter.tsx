"use client";
import { useState } from "react";
import type { ProcedureView } from "@/lib/runbooks/views/types";
import { useStartRunMutation } from "@/lib/runbooks/hooks";
import { Button } from "@/components/ui/button";

/** Start a run of an on-demand section (a release, an emergency procedure) with a name for the record. */
export function ProcedureStarter({ procedures, canAct }: { procedures: ProcedureView[]; canAct: boolean }) {
  const start = useStartRunMutation();
  const [sectionId, setSectionId] = useState(procedures[0]?.sectionId ?? "");
  const [label, setLabel] = useState("");
  const [version, setVersion] = useState("");
  const [repo, setRepo] = useState("");
  if (procedures.length === 0) return null;
  return (
    <section
      aria-labelledby="procedures"
      className="rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900"
    >
      <h2 id="procedures" className="mb-2 text-sm font-semibold">
        Procedures (on demand)
      </h2>
      {canAct ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate({ sectionId, label, version, repo }, { onSuccess: () => setLabel("") });
          }}
        >
          <label className="text-xs" htmlFor="procedure-section">
            Procedure
          </label>
          <select
            id="procedure-section"
            value={sectionId}
            onChange={(e) => setSectionId(e.target.value)}
            className="mt-1 block w-full max-w-full min-w-0 rounded border sm:w-auto border-neutral-300 bg-white px-2 py-1 text-sm dark:border-neutral-700 dark:bg-neutral-900"
          >
            {procedures.map((p) => (
              <option key={p.sectionId} value={p.sectionId}>
                {p.title} ({p.steps} steps)
              </option>
            ))}
          </select>
          <label className="text-xs">
            Name of this run
            <input
              required
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="Patch release 0.1.3"
              className="mt-1 block w-full max-w-full min-w-0 rounded border sm:w-auto border-neutral-300 bg-white px-2 py-1 text-sm dark:border-neutral-700 dark:bg-neutral-900"
            />
          </label>
          <label className="text-xs">
            Version (release runs)
            <input
              value={version}
              onChange={(e) => setVersion(e.target.value)}
              placeholder="0.1.3"
              className="mt-1 block w-24 rounded border border-neutral-300 bg-white px-2 py-1 text-sm dark:border-neutral-700 dark:bg-neutral-900"
            />
          </label>
          <label className="text-xs">
            Repository
            <input
              value={repo}
              onChange={(e) => setRepo(e.target.value)}
              placeholder="owner/name"
              className="mt-1 block w-36 max-w-full rounded border border-neutral-300 bg-white px-2 py-1 text-sm dark:border-neutral-700 dark:bg-neutral-900"
            />
          </label>
          <Button type="submit" disabled={start.isPending || !label.trim()}>
            Start
          </Button>
          {start.error && (
            <p role="alert" className="text-xs text-red-700 dark:text-red-400">
              {start.error.message}
            </p>
          )}
        </form>
      ) : (
        <ul className="text-sm">
          {procedures.map((p) => (
            <li key={p.sectionId}>
              {p.title} <span className="text-neutral-500">· {p.runbookTitle}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
