"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCreateIncident } from "@/lib/incidents/hooks";
import { SEVERITIES } from "@/lib/incidents/schemas";
import type { IncidentTypeSummary } from "@/lib/incidents/views/views";
import { ApiClientError } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { onSubmitWith } from "./submit";

export function NewIncidentForm({ types }: { types: IncidentTypeSummary[] }) {
  const router = useRouter();
  const create = useCreateIncident();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  async function submit(form: FormData) {
    setErrors({});
    const started = String(form.get("startedAt") ?? "");
    try {
      const { incident } = await create.mutateAsync({
        title: form.get("title"),
        type: form.get("type"),
        severity: form.get("severity"),
        public: form.get("public") === "on",
        ...(started ? { startedAt: new Date(started).toISOString() } : {}),
      });
      router.push(`/incidents/${incident.id}`);
    } catch (error) {
      if (error instanceof ApiClientError) setErrors({ ...error.fieldErrors, _: [error.message] });
    }
  }
  return (
    <details className="rounded-lg border border-neutral-200 bg-white p-3 dark:border-neutral-800 dark:bg-neutral-900">
      <summary className="cursor-pointer text-sm font-medium">Open an incident by hand</summary>
      <form onSubmit={onSubmitWith(submit)} className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField
            id="incident-title"
            name="title"
            label="Title"
            required
            maxLength={200}
            error={errors.title?.[0]}
          />
        </div>
        <SelectField id="incident-type" name="type" label="Type" defaultValue="outage">
          {types.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label} (respond in {t.responseMinutes} min)
            </option>
          ))}
        </SelectField>
        <SelectField id="incident-severity" name="severity" label="Severity" defaultValue="SEV2">
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <TextField
          id="incident-started"
          name="startedAt"
          type="datetime-local"
          label="Started (your local time)"
          hint="Empty: now."
          error={errors.startedAt?.[0]}
        />
        <CheckboxField id="incident-public" name="public" label="Public (shown on the status page)" />
        {errors._ && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400 sm:col-span-2">
            {errors._[0]}
          </p>
        )}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Opening…" : "Open incident"}
          </Button>
        </div>
      </form>
    </details>
  );
}
