"use client";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { useSaveTargetMutation } from "@/lib/health/hooks";
import type { FormField, TargetFormValues, TargetKind } from "@/lib/health/targets/target-form";
import { placeFieldErrors, toRequestBody } from "@/lib/health/targets/target-form-body";
import { ApiClientError } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxField, TextField } from "@/components/ui/field";
import { HttpFields, PrometheusFields, PushFields, ThresholdFields, type FormBinding } from "./target-form-sections";

const KINDS: Array<{ kind: TargetKind; label: string; hint: string }> = [
  { kind: "http", label: "HTTP check", hint: "steward requests a URL and checks the status, body and response time." },
  {
    kind: "prometheus",
    label: "Prometheus",
    hint: "steward scrapes a /metrics endpoint: throughput, error rate, latency, memory, breakers.",
  },
  { kind: "push", label: "Push", hint: "Your service sends samples and heartbeats to POST /api/v1/metrics." },
];

/** Add or edit a target (admins only; the API checks the role again). Field errors from the API appear next to their fields. */
export function TargetForm({
  mode,
  targetId,
  initial,
}: {
  mode: "create" | "edit";
  targetId?: string;
  initial: TargetFormValues;
}) {
  const [values, setValues] = useState(initial);
  const save = useSaveTargetMutation(targetId);
  const form = useRef<HTMLFormElement>(null);
  const placed =
    save.error instanceof ApiClientError ? placeFieldErrors(save.error.fieldErrors) : { fields: {}, other: [] };
  const errors: Partial<Record<FormField, string>> = placed.fields;

  useEffect(() => {
    if (save.error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);

  const set = <K extends keyof TargetFormValues>(key: K, value: TargetFormValues[K]) =>
    setValues((prev) => ({ ...prev, [key]: value }));
  const bind: FormBinding = {
    values,
    set,
    errors,
    text: (key) => ({
      id: `target-${key}`,
      name: key,
      value: values[key] as string,
      error: errors[key as FormField],
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
        set(key, e.target.value as TargetFormValues[typeof key]),
    }),
  };
  const kind = values.kind;

  return (
    <form
      ref={form}
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(toRequestBody(values, mode));
      }}
    >
      <Card title="Target">
        <fieldset className="mb-5">
          <legend className="mb-2 text-sm font-medium">Kind{mode === "edit" && " (cannot be changed)"}</legend>
          <div className="grid gap-3 md:grid-cols-3">
            {KINDS.map((k) => (
              <label
                key={k.kind}
                className={`flex cursor-pointer gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-500 ${kind === k.kind ? "border-sky-600 bg-sky-50 dark:border-sky-500 dark:bg-sky-950/40" : "border-neutral-300 dark:border-neutral-700"} ${mode === "edit" ? "cursor-not-allowed opacity-70" : ""}`}
              >
                <input
                  type="radio"
                  name="kind"
                  value={k.kind}
                  checked={kind === k.kind}
                  disabled={mode === "edit"}
                  onChange={() => set("kind", k.kind)}
                  className="mt-1 accent-sky-700"
                />
                <span>
                  <span className="block font-medium">{k.label}</span>
                  <span className="text-neutral-600 dark:text-neutral-400">{k.hint}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.kind && <p className="mt-1 text-xs text-red-700 dark:text-red-400">{errors.kind}</p>}
        </fieldset>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField label="Name" required {...bind.text("name")} hint="Shown on the health pages and in alerts." />
          <TextField
            label="Service group"
            {...bind.text("serviceGroup")}
            hint="Targets are grouped by service on the overview."
          />
          <TextField
            label="Slug"
            {...bind.text("slug")}
            placeholder="derived from the name"
            hint={
              kind === "push"
                ? "The push API names the target by this slug."
                : "Letters, digits, . _ : / - ; defaults to the name in lowercase with dashes."
            }
          />
          <TextField
            label={kind === "push" ? "Heartbeat interval (seconds)" : "Check interval (seconds)"}
            type="number"
            min={10}
            inputMode="numeric"
            {...bind.text("intervalSeconds")}
            hint={
              kind === "push"
                ? "No heartbeat for 1.5 × this interval counts as a failed check."
                : "At least 10 seconds."
            }
          />
          <TextField
            label="Breaches to change"
            type="number"
            min={1}
            inputMode="numeric"
            {...bind.text("breachesToChange")}
            hint="Consecutive observations that must agree before a KPI changes level (no flapping)."
          />
          <div className="self-center">
            <CheckboxField
              id="target-enabled"
              label="Enabled"
              checked={values.enabled}
              onChange={(e) => set("enabled", e.target.checked)}
              hint="A disabled target is not checked and shows as disabled."
            />
          </div>
        </div>
      </Card>
      {kind === "http" && <HttpFields bind={bind} />}
      {kind === "prometheus" && <PrometheusFields bind={bind} />}
      {kind === "push" && <PushFields bind={bind} />}
      <ThresholdFields bind={bind} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : mode === "create" ? "Add target" : "Save changes"}
        </Button>
        {save.error && (
          <div role="alert" className="text-sm text-red-700 dark:text-red-400">
            <p>
              {Object.keys(placed.fields).length > 0
                ? "Some fields are invalid: see the messages next to them."
                : save.error.message}
            </p>
            {placed.other.length > 0 && (
              <ul className="list-disc pl-5">
                {placed.other.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
