"use client";
import { useState } from "react";
import { useTriageActionMutation } from "@/lib/triage/hooks";
import { PRIORITIES, TYPES, type TriageAction } from "@/lib/triage/schemas";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ActionPreview } from "./action-preview";

type Choice = "P0" | "P1" | "P2" | "P3" | `type:${(typeof TYPES)[number]}` | "comment" | "stale_ask" | "stale_close";

function toAction(choice: Choice, body: string): TriageAction {
  if ((PRIORITIES as readonly string[]).includes(choice))
    return { kind: "set_priority", priority: choice as (typeof PRIORITIES)[number] };
  if (choice.startsWith("type:")) return { kind: "labels", add: [choice.slice(5)], remove: [] };
  if (choice === "comment") return { kind: "comment", body };
  return { kind: choice as "stale_ask" | "stale_close" };
}

/** Bulk actions on the selected items: choose, preview exactly what will be sent, then send. */
export function ActionBar({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const [choice, setChoice] = useState<Choice>("P1");
  const [body, setBody] = useState("");
  const preview = useTriageActionMutation();
  const send = useTriageActionMutation();
  const action = toAction(choice, body);
  const reset = () => {
    preview.reset();
    send.reset();
  };
  return (
    <section
      aria-label="Actions"
      className="space-y-3 rounded-lg border border-sky-200 bg-sky-50 p-3 dark:border-sky-900 dark:bg-sky-950/30"
    >
      <div className="flex flex-wrap items-end gap-3">
        <p className="text-sm font-medium" aria-live="polite">
          {selected.length} selected
        </p>
        <div className="space-y-1">
          <label htmlFor="triage-action" className="block text-xs font-medium">
            Action
          </label>
          <select
            id="triage-action"
            className={inputClass}
            value={choice}
            onChange={(e) => {
              setChoice(e.target.value as Choice);
              reset();
            }}
          >
            <optgroup label="Set priority (replaces other priority labels)">
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  Set priority {p}
                </option>
              ))}
            </optgroup>
            <optgroup label="Add a type label">
              {TYPES.map((t) => (
                <option key={t} value={`type:${t}`}>
                  Label {t}
                </option>
              ))}
            </optgroup>
            <option value="comment">Comment…</option>
            <option value="stale_ask">Stale: ask for an update</option>
            <option value="stale_close">Stale: close with the stale label</option>
          </select>
        </div>
        <Button
          type="button"
          variant="secondary"
          disabled={selected.length === 0 || preview.isPending || (choice === "comment" && !body.trim())}
          onClick={() => {
            send.reset();
            preview.mutate({ itemIds: selected, action, confirm: false });
          }}
        >
          Preview
        </Button>
      </div>
      {choice === "comment" && (
        <div className="space-y-1">
          <label htmlFor="triage-comment" className="block text-xs font-medium">
            Comment (Markdown, posted as the GitHub token&apos;s user)
          </label>
          <textarea
            id="triage-comment"
            rows={3}
            className={inputClass}
            value={body}
            maxLength={10_000}
            onChange={(e) => {
              setBody(e.target.value);
              reset();
            }}
          />
        </div>
      )}
      {preview.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {preview.error.message}
        </p>
      )}
      {preview.data && !send.data && (
        <ActionPreview
          plan={preview.data.plan}
          pending={send.isPending}
          onSend={() =>
            send.mutate(
              { itemIds: selected, action, confirm: true },
              {
                onSuccess: (r) => {
                  if (!r.error) onDone();
                },
              },
            )
          }
          onCancel={reset}
        />
      )}
      {send.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Nothing was sent: {send.error.message}
        </p>
      )}
      {send.data && (
        <div role={send.data.error ? "alert" : "status"} className="text-sm">
          {send.data.error ? (
            <p className="font-medium text-red-800 dark:text-red-300">Stopped: {send.data.error}</p>
          ) : (
            <p className="font-medium text-green-800 dark:text-green-300">Sent to GitHub.</p>
          )}
          <ul className="mt-1 list-disc pl-5">
            {send.data.results.map((r) => (
              <li key={r.ref}>
                {r.ref}: {r.done.length ? `done — ${r.done.join("; ")}` : "nothing done"}
                {r.failed ? `; failed — ${r.failed.step}: ${r.failed.message}` : ""}
              </li>
            ))}
            {send.data.notAttempted.length > 0 && <li>Not attempted: {send.data.notAttempted.join(", ")}</li>}
          </ul>
        </div>
      )}
    </section>
  );
}
