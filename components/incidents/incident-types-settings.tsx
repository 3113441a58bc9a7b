"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { ApiClientError, apiFetch } from "@/lib/http/client";
import type { IncidentTypeView } from "@/lib/incidents/types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextAreaField, TextField } from "@/components/ui/field";
import { onSubmitWith } from "./submit";

type Message = { tone: "ok" | "error"; text: string; fieldErrors?: Record<string, string[]> };

const minutes = (m: number) => (m % (24 * 60) === 0 ? `${m / (24 * 60)} d` : m % 60 === 0 ? `${m / 60} h` : `${m} min`);

/** One type's form: label, response and resolution targets in minutes, the procedure one step per line. */
function TypeForm({ type, isNew }: { type: IncidentTypeView; isNew?: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<Message | null>(null);
  const id = (field: string) => `type-${isNew ? "new" : type.key}-${field}`;
  async function save(form: FormData) {
    setMessage(null);
    const text = (name: string) => String(form.get(name) ?? "");
    try {
      await apiFetch("/api/admin/incident-types", {
        method: "PUT",
        body: {
          key: isNew ? text("key") : type.key,
          label: text("label"),
          responseMinutes: Number(text("responseMinutes")),
          resolutionMinutes: Number(text("resolutionMinutes")),
          procedure: text("procedure")
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean),
        },
      });
      setMessage({ tone: "ok", text: "Saved. New and open incidents of this type use these targets." });
      router.refresh();
    } catch (e) {
      setMessage({
        tone: "error",
        text: e instanceof Error ? e.message : "Could not save.",
        fieldErrors: e instanceof ApiClientError ? e.fieldErrors : undefined,
      });
    }
  }
  const fieldError = (name: string) => message?.fieldErrors?.[name]?.join(", ");
  return (
    <form onSubmit={onSubmitWith(save)} className="space-y-3" aria-label={isNew ? "New incident type" : type.label}>
      {isNew && (
        <TextField
          id={id("key")}
          name="key"
          label="Key"
          hint="Lower-case letters, digits and dashes; it cannot be changed later."
          error={fieldError("key")}
          required
        />
      )}
      <TextField
        id={id("label")}
        name="label"
        label="Name"
        defaultValue={type.label}
        error={fieldError("label")}
        required
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id={id("response")}
          name="responseMinutes"
          label="Respond within (minutes)"
          type="number"
          min={1}
          defaultValue={type.responseMinutes}
          error={fieldError("responseMinutes")}
          required
        />
        <TextField
          id={id("resolution")}
          name="resolutionMinutes"
          label="Resolve within (minutes)"
          type="number"
          min={1}
          defaultValue={type.resolutionMinutes}
          error={fieldError("resolutionMinutes")}
          required
        />
      </div>
      <TextAreaField
        id={id("procedure")}
        name="procedure"
        label="Procedure (one step per line)"
        rows={Math.min(12, Math.max(3, type.procedure.length + 1))}
        defaultValue={type.procedure.join("\n")}
        error={fieldError("procedure")}
      />
      <Button type="submit">{isNew ? "Add type" : "Save"}</Button>
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`text-sm ${message.tone === "error" ? "text-red-700 dark:text-red-400" : ""}`}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}

/** Settings → Incidents: every type's targets and procedure, each behind its own disclosure, and a new type. */
export function IncidentTypesSettings({ types }: { types: IncidentTypeView[] }) {
  const blank: IncidentTypeView = {
    key: "",
    label: "",
    responseMinutes: 30,
    resolutionMinutes: 24 * 60,
    procedure: [],
  };
  return (
    <Card title="Incident types">
      <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
        Each type sets how fast an incident must be acknowledged and resolved (the board counts down to these) and the
        procedure its checklist run starts with. The defaults come from the runbooks; a changed default stays changed.
      </p>
      <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
        {types.map((type) => (
          <li key={type.key}>
            <details className="py-2">
              <summary className="cursor-pointer text-sm">
                <span className="font-medium">{type.label}</span>{" "}
                <span className="text-neutral-600 dark:text-neutral-400">
                  · respond within {minutes(type.responseMinutes)} · resolve within {minutes(type.resolutionMinutes)} ·{" "}
                  {type.procedure.length} steps
                </span>
              </summary>
              <div className="pt-3">
                <TypeForm type={type} />
              </div>
            </details>
          </li>
        ))}
        <li>
          <details className="py-2">
            <summary className="cursor-pointer text-sm font-medium">Add a type</summary>
            <div className="pt-3">
              <TypeForm type={blank} isNew />
            </div>
          </details>
        </li>
      </ul>
    </Card>
  );
}
