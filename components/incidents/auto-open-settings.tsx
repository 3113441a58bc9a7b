"use client";
import { useState } from "react";
import { apiFetch } from "@/lib/http/client";
import { SEVERITIES } from "@/lib/incidents/schemas";
import { ALERT_SEVERITIES, type AutoOpenConfig } from "@/lib/incidents/github/settings-schema";
import { formatMoment } from "@/components/health/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxField, SelectField } from "@/components/ui/field";
import { onSubmitWith } from "./submit";

type Props = { initial: AutoOpenConfig; types: Array<{ key: string; label: string }> };

function TypeAndSeverity({
  prefix,
  types,
  type,
  severity,
}: {
  prefix: string;
  types: Props["types"];
  type: string;
  severity: string;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField id={`${prefix}-type`} name={`${prefix}.type`} label="Incident type" defaultValue={type}>
        {types.map((t) => (
          <option key={t.key} value={t.key}>
            {t.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${prefix}-severity`}
        name={`${prefix}.severity`}
        label="Incident severity"
        defaultValue={severity}
      >
        {SEVERITIES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </SelectField>
    </div>
  );
}

const since = (value: string | null) =>
  value ? `On since ${formatMoment(value)}; only issues and alerts after that count.` : "Off.";

export function AutoOpenSettingsForm({ initial, types }: Props) {
  const [config, setConfig] = useState(initial);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  async function save(form: FormData) {
    setMessage(null);
    const get = (name: string) => String(form.get(name) ?? "");
    try {
      const { settings } = await apiFetch<{ settings: AutoOpenConfig }>("/api/admin/incident-auto-open", {
        method: "PUT",
        body: {
          p0Issues: { enabled: form.get("p0.enabled") === "on", type: get("p0.type"), severity: get("p0.severity") },
          securityAlerts: {
            enabled: form.get("alerts.enabled") === "on",
            type: get("alerts.type"),
            severity: get("alerts.severity"),
            minSeverity: get("alerts.minSeverity"),
          },
        },
      });
      setConfig(settings);
      setMessage({ tone: "ok", text: "Saved. The next sync of each repository applies it." });
    } catch (e) {
      setMessage({ tone: "error", text: e instanceof Error ? e.message : "Could not save." });
    }
  }
  return (
    <Card title="Open incidents automatically">
      <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
        Health targets going critical always open an incident. These GitHub sources are optional. Each opens at most one
        incident per issue or alert, ever (a re-sync or a repeated webhook never opens another), and only for issues and
        alerts that are new after the source was switched on.
      </p>
      <form onSubmit={onSubmitWith(save)} className="space-y-6">
        <fieldset className="space-y-3">
          <legend className="font-medium">New P0 issues</legend>
          <CheckboxField
            id="p0-enabled"
            name="p0.enabled"
            label="Open an incident when an issue becomes P0 (its triage priority labels, Settings → Triage)"
            defaultChecked={config.p0Issues.enabled}
          />
          <p className="text-xs text-neutral-500" data-testid="p0-since">
            {since(config.p0Issues.since)}
          </p>
          <TypeAndSeverity prefix="p0" types={types} type={config.p0Issues.type} severity={config.p0Issues.severity} />
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="font-medium">New Dependabot security alerts</legend>
          <CheckboxField
            id="alerts-enabled"
            name="alerts.enabled"
            label="Open an incident for a new security alert"
            defaultChecked={config.securityAlerts.enabled}
          />
          <p className="text-xs text-neutral-500" data-testid="alerts-since">
            {since(config.securityAlerts.since)}
          </p>
          <SelectField
            id="alerts-minSeverity"
            name="alerts.minSeverity"
            label="Alert severity at least"
            defaultValue={config.securityAlerts.minSeverity}
          >
            {ALERT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </SelectField>
          <TypeAndSeverity
            prefix="alerts"
            types={types}
            type={config.securityAlerts.type}
            severity={config.securityAlerts.severity}
          />
        </fieldset>
        <Button type="submit">Save</Button>
        {message && (
          <p
            role={message.tone === "error" ? "alert" : "status"}
            className={`text-sm ${message.tone === "error" ? "text-red-700 dark:text-red-400" : ""}`}
          >
            {message.text}
          </p>
        )}
      </form>
    </Card>
  );
}
