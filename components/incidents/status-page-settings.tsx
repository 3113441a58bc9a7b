"use client";
import Link from "next/link";
import { useState } from "react";
import { apiFetch } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxField, TextField } from "@/components/ui/field";
import { onSubmitWith } from "./submit";

export function StatusPageSettingsForm({
  initial,
}: {
  initial: { enabled: boolean; title: string; serviceGroups: string[] };
}) {
  const [message, setMessage] = useState<string | null>(null);
  async function save(form: FormData) {
    setMessage(null);
    const groups = String(form.get("groups") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      await apiFetch("/api/admin/status-page", {
        method: "PUT",
        body: { enabled: form.get("enabled") === "on", title: String(form.get("title") ?? ""), serviceGroups: groups },
      });
      setMessage("Saved. The public page refreshes within 30 seconds.");
    } catch (e) {
      setMessage(e instanceof Error ? e.message : "Could not save.");
    }
  }
  return (
    <Card title="Public status page">
      <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
        Off by default. When on,{" "}
        <Link href="/status" className="underline">
          /status
        </Link>{" "}
        is readable without signing in: service groups&apos; state, 90-day uptime, incidents marked public with their
        public updates, and public maintenance. Target names, URLs, internal notes and people&apos;s names are never
        shown.
      </p>
      <form onSubmit={onSubmitWith(save)} className="space-y-3">
        <CheckboxField
          id="sp-enabled"
          name="enabled"
          label="Enable the public status page"
          defaultChecked={initial.enabled}
        />
        <TextField id="sp-title" name="title" label="Title" defaultValue={initial.title} required />
        <TextField
          id="sp-groups"
          name="groups"
          label="Service groups shown (comma-separated; empty = all)"
          defaultValue={initial.serviceGroups.join(", ")}
        />
        <Button type="submit">Save</Button>
        {message && (
          <p role="status" className="text-sm">
            {message}
          </p>
        )}
      </form>
    </Card>
  );
}
