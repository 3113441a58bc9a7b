"use client";
import { useState } from "react";
import { useIncidentAction } from "@/lib/incidents/hooks";
import { INCIDENT_STATUSES, TRANSITIONS } from "@/lib/incidents/schemas";
import type { IncidentDetail } from "@/lib/incidents/views/views";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField } from "@/components/ui/field";
import { STATUS_LABEL } from "./format";
import { onSubmitWith } from "./submit";

export function IncidentActions({ incident }: { incident: IncidentDetail }) {
  const action = useIncidentAction(incident.id);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const run = async (path: string, body?: unknown, done?: string) => {
    setMessage(null);
    try {
      await action.mutateAsync({ path, body });
      if (done) setMessage({ tone: "ok", text: done });
      return true;
    } catch (error) {
      setMessage({ tone: "error", text: error instanceof Error ? error.message : "The action failed." });
      return false;
    }
  };
  if (incident.resolvedAt) return null;
  const nextStatuses = INCIDENT_STATUSES.filter(
    (s) => s === incident.status || (TRANSITIONS[incident.status].includes(s) && s !== "resolved"),
  );
  async function post(form: FormData, element: HTMLFormElement) {
    const status = String(form.get("status"));
    const ok = await run(
      "/updates",
      { message: form.get("message"), status, kind: form.get("kind"), public: form.get("public") === "on" },
      "Update posted.",
    );
    if (ok) element.reset();
  }
  return (
    <section
      aria-label="Actions"
      className="space-y-3 rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900"
    >
      <div className="flex flex-wrap gap-2">
        {!incident.acknowledgedAt && (
          <Button onClick={() => void run("/acknowledge", undefined, "Acknowledged.")} disabled={action.isPending}>
            Acknowledge
          </Button>
        )}
        <Button
          variant="secondary"
          onClick={() => void run("/resolve", undefined, "Resolved.")}
          disabled={action.isPending}
        >
          Resolve
        </Button>
      </div>
      <form id="update-form" onSubmit={onSubmitWith(post)} className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-3">
          <TextAreaField
            id="update-message"
            name="message"
            label="Update (markdown)"
            rows={3}
            required
            maxLength={10000}
          />
        </div>
        <SelectField id="update-status" name="status" label="Status" defaultValue={incident.status}>
          {nextStatuses.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
              {s === incident.status ? " (unchanged)" : ""}
            </option>
          ))}
        </SelectField>
        <SelectField id="update-kind" name="kind" label="Kind" defaultValue="update">
          <option value="update">Status update</option>
          <option value="note">Internal note</option>
        </SelectField>
        <div className="self-end">
          <CheckboxField id="update-public" name="public" label="Public (status page)" />
        </div>
        <div className="sm:col-span-3">
          <Button type="submit" disabled={action.isPending}>
            Post update
          </Button>
        </div>
      </form>
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`text-sm ${message.tone === "error" ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-400"}`}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
