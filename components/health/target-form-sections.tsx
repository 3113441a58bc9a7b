"use client";
import type { ChangeEvent } from "react";
import { THRESHOLD_KPIS, type FormField, type TargetFormValues } from "@/lib/health/targets/target-form";
import { DEFAULT_THRESHOLDS } from "@/lib/health/store/thresholds";
import { Card } from "@/components/ui/card";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { KPI_LABELS } from "./format";
import { StoredSecrets } from "./stored-secrets";

type TextKey = {
  [K in keyof TargetFormValues]: TargetFormValues[K] extends string ? K : never;
}[keyof TargetFormValues];

export type FormBinding = {
  values: TargetFormValues;
  set: <K extends keyof TargetFormValues>(key: K, value: TargetFormValues[K]) => void;
  errors: Partial<Record<FormField, string>>;
  text: (key: TextKey) => {
    id: string;
    name: string;
    value: string;
    error?: string;
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  };
};

const UNITS: Record<(typeof THRESHOLD_KPIS)[number], string> = {
  response_time_ms: "ms",
  error_rate_pct: "%",
  throughput_rps: "req/s",
  memory_pct: "% of limit",
};
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function HttpFields({ bind }: { bind: FormBinding }) {
  const { values, errors } = bind;
  return (
    <Card title="HTTP check">
      <div className="grid gap-4 md:grid-cols-2">
        <div className="md:col-span-2">
          <TextField
            label="URL"
            type="url"
            required
            placeholder="https://api.example.org/health"
            {...bind.text("url")}
            hint="Loopback and private addresses are allowed unless STEWARD_HEALTH_ALLOW_PRIVATE=false; cloud-metadata and link-local addresses never are."
          />
        </div>
        <SelectField label="Method" {...bind.text("method")}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Timeout (ms)"
          type="number"
          min={100}
          inputMode="numeric"
          {...bind.text("timeoutMs")}
          hint="100 ms to 60 s, and shorter than the interval. A timeout is a failed check."
        />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Expected status range</legend>
          <div className="flex items-center gap-2">
            <label htmlFor="target-statusMin" className="sr-only">
              Lowest expected status
            </label>
            <input
              id="target-statusMin"
              type="number"
              min={100}
              max={599}
              className="block w-24 rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm dark:border-neutral-700 dark:bg-neutral-900"
              value={values.statusMin}
              onChange={(e) => bind.set("statusMin", e.target.value)}
              aria-invalid={errors.status ? true : undefined}
              aria-describedby="target-status-note"
            />
            <span aria-hidden>to</span>
            <label htmlFor="target-statusMax" className="sr-only">
              Highest expected status
            </label>
            <input
              id="target-statusMax"
              type="number"
              min={100}
              max={599}
              className="block w-24 rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm dark:border-neutral-700 dark:bg-neutral-900"
              value={values.statusMax}
              onChange={(e) => bind.set("statusMax", e.target.value)}
              aria-invalid={errors.status ? true : undefined}
              aria-describedby="target-status-note"
            />
          </div>
          <p
            id="target-status-note"
            className={`text-xs ${errors.status ? "text-red-700 dark:text-red-400" : "text-neutral-500 dark:text-neutral-400"}`}
          >
            {errors.status ?? "Any other status is a failed check (default 200 to 399)."}
          </p>
        </fieldset>
        <TextField
          label="Body must contain (keyword)"
          {...bind.text("keyword")}
          hint="Optional: the check fails if the response body lacks this text."
        />
        <TextField
          label="JSON path"
          placeholder="$.status"
          {...bind.text("jsonPath")}
          hint="Optional: e.g. $.status or $.checks[0].ok"
        />
        <TextField
          label="JSON value must equal"
          placeholder="ok"
          {...bind.text("jsonEquals")}
          hint='Compared as JSON when it is one (true, 42, "42"), else as text.'
        />
        <TextAreaField
          label="Request headers"
          rows={3}
          placeholder={"Authorization: Bearer …\nAccept: application/json"}
          {...bind.text("headers")}
          hint="One “Name: value” per line. Values are stored encrypted and never shown again; sent only to the target's own origin."
        />
        <StoredSecrets bind={bind} />
        {values.method !== "GET" && values.method !== "HEAD" && (
          <TextAreaField label="Request body" rows={3} {...bind.text("body")} />
        )}
      </div>
    </Card>
  );
}

export function PrometheusFields({ bind }: { bind: FormBinding }) {
  return (
    <Card title="Prometheus scrape">
      <div className="grid gap-4 md:grid-cols-2">
        <div className="md:col-span-2">
          <TextField
            label="Metrics URL"
            type="url"
            required
            placeholder="http://10.0.0.5:9100/metrics"
            {...bind.text("url")}
            hint="A /metrics endpoint in the Prometheus text format."
          />
        </div>
        <StoredSecrets bind={bind} />
        <TextField
          label="Timeout (ms)"
          type="number"
          min={100}
          inputMode="numeric"
          {...bind.text("timeoutMs")}
          hint="Shorter than the interval."
        />
        <TextField
          label="Memory limit (MiB)"
          type="number"
          min={1}
          inputMode="decimal"
          {...bind.text("memoryLimitMiB")}
          hint="Memory % = resident memory ÷ this limit; without it memory % is not computed."
        />
      </div>
      <fieldset className="mt-5">
        <legend className="text-sm font-medium">Metric names (optional: leave empty for the defaults)</legend>
        <div className="mt-2 grid gap-4 md:grid-cols-2">
          <TextField
            label="Request counter"
            placeholder="http_requests_total"
            {...bind.text("requestsMetric")}
            hint="Counter labelled by status code: throughput and error rate."
          />
          <TextField
            label="Latency histogram"
            placeholder="http_request_duration_seconds"
            {...bind.text("latencyMetric")}
            hint="Histogram: response-time p50/p95/p99."
          />
          <TextField
            label="Resident memory gauge"
            placeholder="process_resident_memory_bytes"
            {...bind.text("memoryMetric")}
          />
          <TextField
            label="Circuit breaker gauge"
            placeholder="circuit_breaker_state"
            {...bind.text("breakerMetric")}
            hint="0 closed, 1 open, 2 half-open, labelled by name."
          />
        </div>
      </fieldset>
    </Card>
  );
}

export function PushFields({ bind }: { bind: FormBinding }) {
  const slug = bind.values.slug.trim() || "<slug>";
  return (
    <Card title="Push">
      <CheckboxField
        id="target-heartbeats"
        label="Expect heartbeats"
        checked={bind.values.heartbeats}
        onChange={(e) => bind.set("heartbeats", e.target.checked)}
        error={bind.errors.heartbeats}
        hint="With heartbeats, a target silent for 1.5 × the interval is recorded as a failed check."
      />
      <p className="mt-4 text-sm text-neutral-700 dark:text-neutral-300">
        Your service sends samples with a maintainer API token (Settings → API tokens) to{" "}
        <code className="font-mono">POST /api/v1/metrics</code>, e.g.{" "}
        <code className="break-all font-mono text-xs">{`{"samples":[{"target":"${slug}","metric":"response_time_ms","value":182}],"heartbeats":[{"target":"${slug}","status":"up"}]}`}</code>
      </p>
    </Card>
  );
}

export function ThresholdFields({ bind }: { bind: FormBinding }) {
  const { values, set, errors } = bind;
  return (
    <Card title="Thresholds (optional)">
      <p className="mb-4 text-sm text-neutral-600 dark:text-neutral-400">
        Empty fields use the runbook&apos;s defaults, shown as placeholders. Comparisons are strict: with warning 200
        ms, 200 ms is still OK.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {THRESHOLD_KPIS.map((kpi) => {
          const d = DEFAULT_THRESHOLDS[kpi];
          const op = d.direction === "higher-is-worse" ? ">" : "<";
          const setLevel = (level: "warning" | "critical", value: string) =>
            set("thresholds", { ...values.thresholds, [kpi]: { ...values.thresholds[kpi], [level]: value } });
          return (
            <fieldset key={kpi} className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800">
              <legend className="px-1 text-sm font-medium">
                {KPI_LABELS[kpi]} ({UNITS[kpi]})
              </legend>
              <div className="grid grid-cols-2 gap-3">
                {(["warning", "critical"] as const).map((level) => (
                  <TextField
                    key={level}
                    id={`threshold-${kpi}-${level}`}
                    label={`${level === "warning" ? "Warning" : "Critical"} when ${op}`}
                    type="number"
                    inputMode="decimal"
                    placeholder={String(d[level])}
                    value={values.thresholds[kpi][level]}
                    onChange={(e) => setLevel(level, e.target.value)}
                  />
                ))}
              </div>
            </fieldset>
          );
        })}
      </div>
      {errors.thresholds && (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
          {errors.thresholds}
        </p>
      )}
    </Card>
  );
}
