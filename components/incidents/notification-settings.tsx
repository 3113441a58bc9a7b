"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/client";
import type { ChannelView } from "@/lib/incidents/notifications/channels";
import type { DeliveryView } from "@/lib/incidents/notifications/log";
import { NOTIFICATION_EVENTS } from "@/lib/incidents/notifications/schemas";
import { formatMoment } from "@/components/health/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { onSubmitWith } from "./submit";

type Kind = "webhook" | "slack" | "email";

export function NotificationSettings({
  channels,
  deliveries,
}: {
  channels: ChannelView[];
  deliveries: DeliveryView[];
}) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>("webhook");
  const [message, setMessage] = useState<string | null>(null);
  const call = async (path: string, method: string, body?: unknown, done?: string) => {
    setMessage(null);
    try {
      const r = await apiFetch<{ result?: { ok: boolean; status: number | null; body: string } }>(path, {
        method,
        body,
      });
      setMessage(
        r.result ? `${r.result.ok ? "Sent" : "Failed"}: ${r.result.status ?? ""} ${r.result.body}` : (done ?? "Done."),
      );
      router.refresh();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : "Failed.");
    }
  };
  async function add(form: FormData) {
    const v = (k: string) => String(form.get(k) ?? "").trim();
    const base = {
      kind,
      name: v("name"),
      events: NOTIFICATION_EVENTS.filter((e) => form.get(`event-${e}`) === "on"),
      severities: v("severities")
        ? v("severities")
            .split(",")
            .map((s) => s.trim())
        : [],
      types: v("types")
        ? v("types")
            .split(",")
            .map((s) => s.trim())
        : [],
    };
    const body =
      kind === "email"
        ? {
            ...base,
            host: v("host"),
            port: Number(v("port")),
            secure: form.get("secure") === "on",
            username: v("username") || undefined,
            password: v("password") || undefined,
            from: v("from"),
            to: v("to")
              .split(",")
              .map((s) => s.trim()),
          }
        : { ...base, url: v("url"), ...(kind === "webhook" ? { secret: v("secret") } : {}) };
    await call("/api/admin/notification-channels", "POST", body, "Channel added.");
  }
  return (
    <div className="space-y-6">
      <Card title="Channels">
        {channels.length === 0 ? (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            No channels yet: add a webhook, a Slack-compatible webhook or an SMTP server below, then send a test.
          </p>
        ) : (
          <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {channels.map((c) => (
              <li
                key={c.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                data-testid="channel"
              >
                <span>
                  <strong>{c.name}</strong> · {c.kind} · {c.events.join(", ")}
                  {c.types.length ? ` · types ${c.types.join(", ")}` : ""}
                  {c.severities.length ? ` · ${c.severities.join(", ")}` : ""}
                </span>
                <span className="flex gap-2">
                  <Button
                    variant="secondary"
                    onClick={() => void call(`/api/admin/notification-channels/${c.id}/test`, "POST")}
                  >
                    Send test
                  </Button>
                  <Button
                    variant="ghost"
                    onClick={() =>
                      void call(`/api/admin/notification-channels/${c.id}`, "DELETE", undefined, "Channel removed.")
                    }
                  >
                    Remove
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        )}
        {message && (
          <p role="status" className="mt-3 text-sm">
            {message}
          </p>
        )}
      </Card>
      <Card title="Add a channel">
        <form onSubmit={onSubmitWith(add)} className="grid gap-3 sm:grid-cols-2">
          <SelectField id="ch-kind" label="Kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="webhook">Generic webhook (signed JSON)</option>
            <option value="slack">Slack-compatible webhook</option>
            <option value="email">Email (SMTP)</option>
          </SelectField>
          <TextField id="ch-name" name="name" label="Name" required />
          {kind !== "email" ? (
            <>
              <TextField id="ch-url" name="url" label="URL" type="url" required />
              {kind === "webhook" && (
                <TextField
                  id="ch-secret"
                  name="secret"
                  label="Signing secret (16+ characters, stored encrypted)"
                  type="password"
                  required
                  minLength={16}
                />
              )}
            </>
          ) : (
            <>
              <TextField id="ch-host" name="host" label="SMTP host" required />
              <TextField id="ch-port" name="port" label="Port" type="number" defaultValue="587" required />
              <TextField id="ch-username" name="username" label="Username" />
              <TextField id="ch-password" name="password" label="Password (stored encrypted)" type="password" />
              <TextField id="ch-from" name="from" label="From" type="email" required />
              <TextField id="ch-to" name="to" label="To (comma-separated)" required />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="secure" /> TLS from the start (port 465)
              </label>
            </>
          )}
          <TextField id="ch-types" name="types" label="Only types (comma-separated keys; empty = all)" />
          <TextField id="ch-sev" name="severities" label="Only severities (e.g. SEV1,SEV2; empty = all)" />
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium">Events</legend>
            <div className="flex flex-wrap gap-3">
              {NOTIFICATION_EVENTS.map((e) => (
                <label key={e} className="flex items-center gap-1 text-sm">
                  <input type="checkbox" name={`event-${e}`} defaultChecked /> {e.replace(/_/g, " ")}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="sm:col-span-2">
            <Button type="submit">Add channel</Button>
          </div>
        </form>
      </Card>
      <Card title="Delivery log (latest 50)">
        {deliveries.length === 0 ? (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">Nothing sent yet.</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
            <table className="w-full min-w-[640px] text-left text-sm">
              <thead className="text-xs text-neutral-500">
                <tr>
                  <th>When</th>
                  <th>Channel</th>
                  <th>Event</th>
                  <th>Status</th>
                  <th>Attempts</th>
                  <th>Response</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id} className="border-t border-neutral-200 dark:border-neutral-800">
                    <td className="tabular-nums">{formatMoment(d.createdAt)}</td>
                    <td>{d.channel}</td>
                    <td>{d.event}</td>
                    <td>{d.status}</td>
                    <td>{d.attempts}</td>
                    <td className="max-w-xs truncate">
                      {d.responseStatus ?? ""} {d.detail ?? ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
