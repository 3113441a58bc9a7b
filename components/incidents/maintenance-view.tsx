"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, ApiClientError } from "@/lib/http/client";
import type { MaintenanceView } from "@/lib/incidents/maintenance";
import { formatMoment } from "@/components/health/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { onSubmitWith } from "./submit";

type Target = { id: string; name: string; serviceGroup: string };

export function MaintenanceList({
  windows,
  targets,
  canAct,
  timeZone,
}: {
  windows: MaintenanceView[];
  targets: Target[];
  canAct: boolean;
  timeZone: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const groups = [...new Set(targets.map((t) => t.serviceGroup))].sort();
  async function add(form: FormData) {
    setError(null);
    const repeat = String(form.get("repeat"));
    const started = String(form.get("startsAt"));
    try {
      await apiFetch("/api/v1/maintenance", {
        method: "POST",
        body: {
          title: form.get("title"),
          serviceGroups: form.getAll("groups").map(String),
          targetIds: form.getAll("targets").map(String),
          startsAt: started ? new Date(started).toISOString() : "",
          durationMinutes: Number(form.get("duration")),
          rrule: repeat === "none" ? undefined : repeat === "custom" ? String(form.get("rrule")) : repeat,
          timeZone: String(form.get("timeZone")) || undefined,
          public: form.get("public") === "on",
        },
      });
      router.refresh();
    } catch (e) {
      setError(
        e instanceof ApiClientError
          ? [e.message, ...Object.entries(e.fieldErrors).map(([k, v]) => `${k}: ${v.join(", ")}`)].join(" ")
          : "Could not schedule.",
      );
    }
  }
  const remove = async (id: string) => {
    await apiFetch(`/api/v1/maintenance/${id}`, { method: "DELETE" }).catch((e: unknown) =>
      setError(e instanceof Error ? e.message : "Failed."),
    );
    router.refresh();
  };
  return (
    <div className="space-y-6">
      <Card title="Scheduled maintenance">
        {windows.length === 0 ? (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            No maintenance scheduled.
            {canAct ? " Schedule a window below: alerts of its targets open no incident while it runs." : ""}
          </p>
        ) : (
          <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {windows.map((w) => (
              <li key={w.id} className="py-2 text-sm" data-testid="maintenance-window">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <strong>{w.title}</strong>
                  {canAct && (
                    <Button variant="ghost" onClick={() => void remove(w.id)}>
                      Delete
                    </Button>
                  )}
                </div>
                <p className="text-xs text-neutral-600 dark:text-neutral-400">
                  {[
                    ...w.serviceGroups.map((g) => `group ${g}`),
                    ...w.targetIds.map((id) => targets.find((t) => t.id === id)?.name ?? "deleted target"),
                  ].join(", ")}{" "}
                  · {w.durationMinutes} min · {w.rrule ? `${w.rrule} in ${w.timeZone}` : "once"} ·{" "}
                  {w.public ? "public" : "internal"}
                </p>
                <p className="text-xs">
                  Next:{" "}
                  {w.next.length
                    ? w.next
                        .slice(0, 3)
                        .map((o) => formatMoment(o.start))
                        .join(" · ")
                    : "none in the next 14 days"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canAct && (
        <Card title="Schedule maintenance">
          <form onSubmit={onSubmitWith(add)} className="grid gap-3 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <TextField id="mw-title" name="title" label="Title" required maxLength={200} />
            </div>
            <SelectField
              id="mw-groups"
              name="groups"
              label="Service groups"
              multiple
              size={Math.min(5, Math.max(2, groups.length))}
            >
              {groups.map((g) => (
                <option key={g}>{g}</option>
              ))}
            </SelectField>
            <SelectField
              id="mw-targets"
              name="targets"
              label="Targets"
              multiple
              size={Math.min(5, Math.max(2, targets.length))}
            >
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </SelectField>
            <TextField
              id="mw-start"
              name="startsAt"
              type="datetime-local"
              label="Starts (your browser's time)"
              required
            />
            <TextField
              id="mw-duration"
              name="duration"
              type="number"
              label="Duration (minutes)"
              defaultValue="60"
              min={1}
              required
            />
            <SelectField id="mw-repeat" name="repeat" label="Repeats" defaultValue="none">
              <option value="none">Once</option>
              <option value="FREQ=DAILY">Every day</option>
              <option value="FREQ=WEEKLY">Every week</option>
              <option value="custom">Custom RRULE</option>
            </SelectField>
            <TextField id="mw-rrule" name="rrule" label="Custom RRULE" placeholder="FREQ=MONTHLY;BYDAY=1MO" />
            <TextField id="mw-tz" name="timeZone" label="Time zone of the recurrence" defaultValue={timeZone} />
            <div className="self-end">
              <CheckboxField id="mw-public" name="public" label="Announce on the status page" defaultChecked />
            </div>
            {error && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400 sm:col-span-2">
                {error}
              </p>
            )}
            <div className="sm:col-span-2">
              <Button type="submit">Schedule</Button>
            </div>
          </form>
        </Card>
      )}
    </div>
  );
}
