"use client";
// Corrects an incident's times, commander and type (PATCH /api/v1/incidents/<id>). Times are in UTC like
// everywhere on the page; the order started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved is checked
// here with the server's own rules (zod + timestampOrderErrors) and again by the server.
import { useState } from "react";
import { useIncidentAction } from "@/lib/incidents/hooks";
import { EditIncidentInput } from "@/lib/incidents/schemas";
import { timestampOrderErrors } from "@/lib/incidents/lifecycle/timestamps";
import type { IncidentDetail } from "@/lib/incidents/views/views";
import { ApiClientError } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { onSubmitWith } from "./submit";
import { FormError } from "@/components/ui/form-message";

export type EditorOptions = {
  types: Array<{ key: string; label: string }>;
  users: Array<{ id: string; name: string }>;
};

const TIMES = [
  ["startedAt", "Started"],
  ["detectedAt", "Detected"],
  ["acknowledgedAt", "Acknowledged"],
  ["mitigatedAt", "Mitigated"],
  ["resolvedAt", "Resolved"],
] as const;
type TimeKey = (typeof TIMES)[number][0];

/** "2026-03-10T10:00:00.000Z" → "2026-03-10T10:00:00" for a datetime-local input read as UTC. */
const toInput = (iso: string | null) => (iso ? iso.slice(0, 19) : "");
const fromInput = (value: string) => (value ? `${value.length === 16 ? `${value}:00` : value}Z` : null);

export function IncidentEditor({ incident, options }: { incident: IncidentDetail; options: EditorOptions }) {
  const action = useIncidentAction(incident.id);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState(false);
  async function save(form: FormData) {
    setErrors({});
    setSaved(false);
    const times = Object.fromEntries(TIMES.map(([key]) => [key, fromInput(String(form.get(key) ?? ""))])) as Record<
      TimeKey,
      string | null
    >;
    const commander = String(form.get("commanderId") ?? "");
    const body = {
      type: String(form.get("type") ?? ""),
      commanderId: commander || null,
      ...times,
      // Clearing started or detected is not possible; an empty resolved time is left to the resolve action.
      startedAt: times.startedAt ?? undefined,
      detectedAt: times.detectedAt ?? undefined,
      resolvedAt: incident.resolvedAt ? (times.resolvedAt ?? undefined) : undefined,
    };
    const parsed = EditIncidentInput.safeParse(body);
    if (!parsed.success) {
      const fields: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "_")] ??= []).push(issue.message);
      setErrors({ ...fields, _: ["Some fields are not valid."] });
      return;
    }
    const p = parsed.data;
    const order = timestampOrderErrors({
      startedAt: p.startedAt ?? new Date(incident.startedAt),
      detectedAt: p.detectedAt ?? new Date(incident.detectedAt),
      acknowledgedAt: p.acknowledgedAt ?? null,
      mitigatedAt: p.mitigatedAt ?? null,
      resolvedAt: p.resolvedAt ?? (incident.resolvedAt ? new Date(incident.resolvedAt) : null),
    });
    if (order) {
      setErrors({ ...order, _: ["Times must be in order: started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved."] });
      return;
    }
    try {
      await action.mutateAsync({ path: "", method: "PATCH", body });
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiClientError) setErrors({ ...error.fieldErrors, _: [error.message] });
      else setErrors({ _: ["The change could not be saved."] });
    }
  }
  return (
    <details className="rounded-lg border border-neutral-200 bg-white p-3 dark:border-neutral-800 dark:bg-neutral-900">
      <summary className="cursor-pointer text-sm font-medium">Edit times, commander and type</summary>
      <form
        key={`${incident.id}:${incident.acknowledgedAt}:${incident.resolvedAt}`}
        onSubmit={onSubmitWith(save)}
        noValidate
        className="mt-3 space-y-3"
        aria-label="Edit the incident"
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            id="edit-type"
            name="type"
            label="Type"
            defaultValue={incident.type.key}
            error={errors.type?.[0]}
          >
            {options.types.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="edit-commander"
            name="commanderId"
            label="Commander"
            defaultValue={incident.commanderId ?? ""}
            error={errors.commanderId?.[0]}
          >
            <option value="">None</option>
            {options.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {TIMES.map(([key, label]) => (
            <TextField
              key={key}
              id={`edit-${key}`}
              name={key}
              type="datetime-local"
              step={1}
              label={`${label} (UTC)`}
              defaultValue={toInput(incident[key])}
              required={key === "startedAt" || key === "detectedAt"}
              disabled={key === "resolvedAt" && !incident.resolvedAt}
              hint={key === "resolvedAt" && !incident.resolvedAt ? "Set by the resolve action." : undefined}
              error={errors[key]?.[0]}
            />
          ))}
        </div>
        <Button type="submit" disabled={action.isPending}>
          Save changes
        </Button>
        {errors._ && <FormError>{errors._[0]}</FormError>}
        {saved && (
          <p role="status" className="text-sm text-green-800 dark:text-green-400">
            Saved. The change is on the timeline and in the audit log.
          </p>
        )}
      </form>
    </details>
  );
}
