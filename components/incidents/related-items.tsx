"use client";
// Related GitHub issues and pull requests: linked by hand here, found referencing the incident, or the
// P0 issue that opened it. Their openings, closings and merges appear on the timeline (source GitHub).
import { useState } from "react";
import { useIncidentAction } from "@/lib/incidents/hooks";
import type { IncidentDetail } from "@/lib/incidents/views/views";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { onSubmitWith } from "./submit";
import { FormError } from "@/components/ui/form-message";

const HOW: Record<string, string> = {
  manual: "linked by hand",
  reference: "references this incident",
  origin: "opened it",
};

export function RelatedItems({ incident, canAct }: { incident: IncidentDetail; canAct: boolean }) {
  const action = useIncidentAction(incident.id);
  const [error, setError] = useState<string | null>(null);
  async function add(form: FormData, element: HTMLFormElement) {
    setError(null);
    try {
      await action.mutateAsync({ path: "/links", body: { ref: String(form.get("ref") ?? "") } });
      element.reset();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not link it.");
    }
  }
  async function remove(linkId: string) {
    setError(null);
    try {
      await action.mutateAsync({ path: "/links", method: "DELETE", body: { linkId } });
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not unlink it.");
    }
  }
  return (
    <section aria-labelledby="related" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
      <h2 id="related" className="font-semibold">
        Related issues and pull requests
      </h2>
      <p className="mt-1 text-xs text-neutral-500">
        An issue or pull request whose description or a comment mentions this incident&apos;s link is linked by itself
        at the next sync.
      </p>
      {incident.related.length === 0 ? (
        <p className="mt-2 text-sm text-neutral-500">None yet.</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm" data-testid="related-items">
          {incident.related.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2">
              <span className="rounded bg-neutral-100 px-1.5 py-0.5 text-xs dark:bg-neutral-800">
                {r.kind === "pull_request" ? "PR" : "issue"} · {r.state.toLowerCase()}
              </span>
              <a href={r.url} className="underline" rel="noreferrer noopener" target="_blank">
                {r.repoKey}#{r.number}
              </a>
              <span className="min-w-0 break-words">{r.title}</span>
              <span className="text-xs text-neutral-500">({HOW[r.how] ?? r.how})</span>
              {canAct && (
                <button
                  type="button"
                  className="text-xs underline"
                  onClick={() => void remove(r.id)}
                  aria-label={`Unlink ${r.repoKey}#${r.number}`}
                >
                  unlink
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAct && (
        <form onSubmit={onSubmitWith(add)} className="mt-3 flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <TextField
              id="related-ref"
              name="ref"
              label="Link an issue or pull request"
              placeholder="owner/name#123 or its URL"
              required
              maxLength={300}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={action.isPending}>
            Link
          </Button>
        </form>
      )}
      {error && <FormError className="mt-2">{error}</FormError>}
    </section>
  );
}
