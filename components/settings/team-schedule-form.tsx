"use client";
import { useState } from "react";
import { ApiClientError } from "@/lib/http/client";
import { useUpdateTeamScheduleMutation } from "@/lib/team/hooks";
import { WEEKDAY_NAMES } from "@/lib/team/schemas";
import type { TeamScheduleView } from "@/lib/team/schedule";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";

/** Settings → Team: admins edit the schedule; everyone else reads it. */
export function TeamScheduleForm({ schedule, canEdit }: { schedule: TeamScheduleView; canEdit: boolean }) {
  const update = useUpdateTeamScheduleMutation();
  const [days, setDays] = useState<number[]>(schedule.workingDays);
  const fieldErrors = update.error instanceof ApiClientError ? update.error.fieldErrors : {};
  const firstError = (key: string) =>
    Object.entries(fieldErrors).find(([k]) => k === key || k.startsWith(`${key}.`))?.[1]?.[0];
  return (
    <Card title="Team schedule">
      <p className="mb-4 text-sm text-neutral-600 dark:text-neutral-400">
        {schedule.configured
          ? "Times across steward are shown in this time zone."
          : "Not set yet: steward uses UTC and Monday–Friday 09:00–17:00 until an admin saves a schedule."}
      </p>
      <form
        className="grid gap-4 md:grid-cols-3"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          update.mutate({
            timeZone: String(data.get("timeZone") ?? ""),
            workingDays: days,
            workStart: String(data.get("workStart") ?? ""),
            workEnd: String(data.get("workEnd") ?? ""),
            holidays: String(data.get("holidays") ?? "")
              .split(/[\s,]+/)
              .filter(Boolean),
            businessHours: data.get("businessHours") === "on",
          });
        }}
      >
        <fieldset disabled={!canEdit} className="contents">
          <TextField
            id="team-tz"
            name="timeZone"
            label="Time zone"
            defaultValue={schedule.timeZone}
            hint="IANA name, e.g. Europe/Berlin or America/New_York."
            error={firstError("timeZone")}
            required
          />
          <TextField
            id="team-start"
            name="workStart"
            label="Working day starts"
            defaultValue={schedule.workStart}
            placeholder="09:00"
            error={firstError("workStart")}
            required
          />
          <TextField
            id="team-end"
            name="workEnd"
            label="Working day ends"
            defaultValue={schedule.workEnd}
            placeholder="17:00"
            error={firstError("workEnd")}
            required
          />
          <fieldset className="md:col-span-3">
            <legend className="mb-1 text-sm font-medium">Working days</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {WEEKDAY_NAMES.map((name, i) => (
                <CheckboxField
                  key={name}
                  id={`team-day-${i + 1}`}
                  label={name}
                  checked={days.includes(i + 1)}
                  onChange={(e) =>
                    setDays((prev) => (e.target.checked ? [...prev, i + 1] : prev.filter((d) => d !== i + 1)))
                  }
                />
              ))}
            </div>
            {firstError("workingDays") && (
              <p className="mt-1 text-xs text-red-700 dark:text-red-400">{firstError("workingDays")}</p>
            )}
          </fieldset>
          <div className="md:col-span-2">
            <TextAreaField
              id="team-holidays"
              name="holidays"
              label="Holidays"
              rows={3}
              defaultValue={schedule.holidays.join("\n")}
              hint="One date per line, YYYY-MM-DD, in the team's time zone."
              error={firstError("holidays")}
            />
          </div>
          <div className="md:col-span-1 md:pt-6">
            <CheckboxField
              id="team-business"
              name="businessHours"
              label="Triage clocks count business hours only"
              defaultChecked={schedule.businessHours}
              hint="Off: response targets run around the clock. On: only working hours on working days count."
            />
          </div>
          {canEdit && (
            <div className="md:col-span-3">
              <Button type="submit" disabled={update.isPending}>
                Save schedule
              </Button>
            </div>
          )}
        </fieldset>
      </form>
      {update.isSuccess && (
        <p role="status" className="mt-3 text-sm text-green-800 dark:text-green-300">
          Saved.
        </p>
      )}
      {update.error && Object.keys(fieldErrors).length === 0 && (
        <FormError className="mt-3">{update.error.message}</FormError>
      )}
      {!canEdit && (
        <p className="mt-3 text-sm text-neutral-600 dark:text-neutral-400">Only admins can change the schedule.</p>
      )}
    </Card>
  );
}
