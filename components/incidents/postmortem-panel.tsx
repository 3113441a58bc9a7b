"use client";
import { useState } from "react";
import { useIncidentAction } from "@/lib/incidents/hooks";
import type { IncidentDetail } from "@/lib/incidents/views/views";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { ActionItemIssues } from "./action-item-issues";
import { onSubmitWith } from "./submit";
import { FormError } from "@/components/ui/form-message";

const SECTIONS = [
  ["summary", "Summary"],
  ["rootCause", "Root cause"],
  ["impact", "Impact"],
  ["timelineExcerpt", "Timeline excerpt"],
] as const;

/** Action items are tracked here; each can become a GitHub issue whose closure the sync then tracks. */
export function PostmortemPanel({ incident, canAct }: { incident: IncidentDetail; canAct: boolean }) {
  const [editing, setEditing] = useState(false);
  const action = useIncidentAction(incident.id);
  const [error, setError] = useState<string | null>(null);
  const pm = incident.postmortem;
  async function save(form: FormData) {
    setError(null);
    const items = String(form.get("actionItems") ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .map((line) => ({ text: line.replace(/^\[[ x]\]\s*/i, ""), done: /^\[x\]/i.test(line) }));
    try {
      await action.mutateAsync({
        path: "/postmortem",
        method: "PUT",
        body: { ...Object.fromEntries(SECTIONS.map(([k]) => [k, String(form.get(k) ?? "")])), actionItems: items },
      });
      setEditing(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not save.");
    }
  }
  return (
    <section aria-labelledby="postmortem" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
      <div className="flex items-center justify-between gap-2">
        <h2 id="postmortem" className="font-semibold">
          Postmortem
        </h2>
        {canAct && !editing && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {pm ? "Edit postmortem" : "Write postmortem"}
          </Button>
        )}
      </div>
      {editing ? (
        <form onSubmit={onSubmitWith(save)} className="mt-3 space-y-3">
          {SECTIONS.map(([key, label]) => (
            <TextAreaField
              key={key}
              id={`pm-${key}`}
              name={key}
              label={`${label} (markdown)`}
              rows={3}
              defaultValue={pm?.[key] ?? ""}
            />
          ))}
          <TextAreaField
            id="pm-actionItems"
            name="actionItems"
            label="Action items, one per line ([x] at the start marks one done)"
            rows={4}
            defaultValue={pm?.actionItems.map((a) => `${a.done ? "[x] " : ""}${a.text}`).join("\n") ?? ""}
          />
          {error && <FormError>{error}</FormError>}
          <div className="flex gap-2">
            <Button type="submit" disabled={action.isPending}>
              Save postmortem
            </Button>
            <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : pm ? (
        <div className="mt-3 space-y-3 text-sm" data-testid="postmortem">
          {SECTIONS.map(([key, label]) => (
            <div key={key}>
              <h3 className="font-medium">{label}</h3>
              {/* Sanitized on the server (lib/incidents/markdown.ts). */}
              <div
                className="[&_a]:underline [&_ul]:list-disc [&_ul]:pl-5"
                dangerouslySetInnerHTML={{ __html: pm.html[key] || "<p>—</p>" }}
              />
            </div>
          ))}
          <ActionItemIssues incidentId={incident.id} items={pm.actionItems} canAct={canAct} />
        </div>
      ) : (
        <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
          No postmortem yet.{" "}
          {incident.resolvedAt
            ? "Write one: summary, root cause, impact, a timeline excerpt and action items."
            : "Write one once the incident is resolved."}
        </p>
      )}
    </section>
  );
}
