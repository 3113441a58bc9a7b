"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { apiFetch, ApiClientError } from "@/lib/http/client";
import { PRIORITIES, TYPES, type TriageConfig } from "@/lib/triage/schemas";
import { Button } from "@/components/ui/button";
import { inputClass, TextField } from "@/components/ui/field";

const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
const TARGETS = [...PRIORITIES, "triage"] as const;

export function TriageSettingsForm({
  repos,
  repoId,
  initial,
}: {
  repos: Array<{ id: string; key: string; owner: string; name: string }>;
  repoId: string;
  initial: TriageConfig;
}) {
  const router = useRouter();
  const [c, setC] = useState(initial);
  const save = useMutation({
    mutationFn: (config: TriageConfig) =>
      apiFetch<{ config: TriageConfig }>(`/api/admin/triage-settings/${repoId}`, { method: "PUT", body: config }),
  });
  const errors = save.error instanceof ApiClientError ? save.error.fieldErrors : {};
  const err = (prefix: string) => Object.entries(errors).find(([k]) => k.startsWith(prefix))?.[1]?.[0];
  const repo = repos.find((r) => r.id === repoId);
  return (
    <form
      className="max-w-3xl space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(c);
      }}
    >
      <div className="space-y-1">
        <label htmlFor="triage-repo" className="block text-sm font-medium">
          Repository
        </label>
        <select
          id="triage-repo"
          className={inputClass}
          value={repo?.key}
          onChange={(e) => router.push(`/settings/triage?repo=${encodeURIComponent(e.target.value)}`)}
        >
          {repos.map((r) => (
            <option key={r.id} value={r.key}>
              {r.owner}/{r.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">
          Priority labels (comma-separated, case-insensitive; the highest wins)
        </legend>
        {PRIORITIES.map((p) => (
          <TextField
            key={p}
            id={`labels-${p}`}
            label={p}
            value={c.priorityLabels[p].join(", ")}
            error={err(`priorityLabels.${p}`)}
            onChange={(e) => setC({ ...c, priorityLabels: { ...c.priorityLabels, [p]: list(e.target.value) } })}
          />
        ))}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Type labels and status prefix</legend>
        {TYPES.map((t) => (
          <TextField
            key={t}
            id={`type-${t}`}
            label={t}
            value={c.typeLabels[t].join(", ")}
            error={err(`typeLabels.${t}`)}
            onChange={(e) => setC({ ...c, typeLabels: { ...c.typeLabels, [t]: list(e.target.value) } })}
          />
        ))}
        <TextField
          id="status-prefix"
          label="Status labels start with"
          value={c.statusPrefix}
          error={err("statusPrefix")}
          onChange={(e) => setC({ ...c, statusPrefix: e.target.value })}
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-5">
        <legend className="mb-2 text-base font-semibold">
          Targets in hours (response per priority; triage for untriaged items)
        </legend>
        {TARGETS.map((t) => (
          <TextField
            key={t}
            id={`target-${t}`}
            label={t === "triage" ? "Triage" : t}
            type="number"
            min={1}
            step="any"
            value={String(c.targets[t] / 3600)}
            error={err(`targets.${t}`)}
            onChange={(e) => setC({ ...c, targets: { ...c.targets, [t]: Math.round(Number(e.target.value) * 3600) } })}
          />
        ))}
      </fieldset>
      <TextField
        id="ignore-logins"
        label="Ignore list (logins whose comments and reviews never count as a response)"
        value={c.ignoreLogins.join(", ")}
        error={err("ignoreLogins")}
        onChange={(e) => setC({ ...c, ignoreLogins: list(e.target.value) })}
      />
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold">Stale procedure (calendar days)</legend>
        <TextField
          id="stale-ask"
          label="Ask after days without human activity"
          type="number"
          min={1}
          value={String(c.staleAskDays)}
          error={err("staleAskDays")}
          onChange={(e) => setC({ ...c, staleAskDays: Number(e.target.value) })}
        />
        <TextField
          id="stale-close"
          label="Close days after the ask"
          type="number"
          min={1}
          value={String(c.staleCloseDays)}
          error={err("staleCloseDays")}
          onChange={(e) => setC({ ...c, staleCloseDays: Number(e.target.value) })}
        />
        <TextField
          id="stale-label"
          label="Stale label"
          value={c.staleLabel}
          error={err("staleLabel")}
          onChange={(e) => setC({ ...c, staleLabel: e.target.value })}
        />
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="stale-comment" className="block text-sm font-medium">
          Ask comment (its first sentence identifies an ask)
        </label>
        <textarea
          id="stale-comment"
          rows={3}
          className={inputClass}
          value={c.staleComment}
          onChange={(e) => setC({ ...c, staleComment: e.target.value })}
        />
        {err("staleComment") && <p className="text-xs text-red-700 dark:text-red-400">{err("staleComment")}</p>}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save triage settings"}
        </Button>
        {save.isSuccess && (
          <p role="status" className="text-sm text-green-800 dark:text-green-300">
            Saved. The queue uses the new settings now.
          </p>
        )}
        {save.error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {save.error.message}
          </p>
        )}
      </div>
    </form>
  );
}
