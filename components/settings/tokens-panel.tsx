"use client";
import { useState } from "react";
import { ROLES, type Role } from "@/lib/auth/roles";
import { ApiClientError } from "@/lib/http/client";
import { useCreateApiTokenMutation, useRevokeApiTokenMutation } from "@/lib/api-tokens/hooks";
import type { ApiTokenRow } from "@/lib/api-tokens/queries";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { FormError } from "@/components/ui/form-message";

export function TokensPanel({ tokens }: { tokens: ApiTokenRow[] }) {
  const revoke = useRevokeApiTokenMutation();
  return (
    <div className="space-y-6">
      <CreateTokenForm />
      <Card title="Tokens">
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">
            Create one above for a CI job, a metrics pusher or a script.
          </EmptyState>
        ) : (
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-neutral-600 dark:text-neutral-400">
                <tr>
                  <th className="py-2 pr-4">Name</th>
                  <th className="py-2 pr-4">Token</th>
                  <th className="py-2 pr-4">Role</th>
                  <th className="py-2 pr-4">Last used</th>
                  <th className="py-2 pr-4">Status</th>
                  <th className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
                {tokens.map((t) => (
                  <tr key={t.id}>
                    <td className="py-2 pr-4 font-medium">
                      {t.name}
                      <div className="text-xs font-normal text-neutral-600 dark:text-neutral-400">
                        by {t.createdBy?.username ?? "a deleted user"}
                      </div>
                    </td>
                    <td className="py-2 pr-4 font-mono text-xs">{t.prefix}…</td>
                    <td className="py-2 pr-4">{t.role}</td>
                    <td className="py-2 pr-4">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "never"}</td>
                    <td className="py-2 pr-4">
                      {t.revokedAt ? (
                        <Badge>revoked</Badge>
                      ) : t.expiresAt && new Date(t.expiresAt) < new Date() ? (
                        <Badge tone="amber">expired</Badge>
                      ) : (
                        <Badge tone="green">active</Badge>
                      )}
                    </td>
                    <td className="py-2 text-right">
                      {!t.revokedAt && (
                        <Button
                          variant="danger"
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(t.id)}
                          aria-label={`Revoke ${t.name}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {revoke.error && <FormError className="mt-2">{revoke.error.message}</FormError>}
      </Card>
    </div>
  );
}

function CreateTokenForm() {
  const create = useCreateApiTokenMutation();
  const [role, setRole] = useState<Role>("viewer");
  const fieldErrors = create.error instanceof ApiClientError ? create.error.fieldErrors : {};
  return (
    <Card title="Create an API token">
      <form
        className="grid gap-4 md:grid-cols-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const days = String(data.get("expiresInDays") ?? "");
          create.mutate(
            { name: String(data.get("name")), role, expiresInDays: days ? Number(days) : undefined },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <TextField
          id="token-name"
          name="name"
          label="Name"
          required
          placeholder="ci-metrics-pusher"
          error={fieldErrors.name?.[0]}
        />
        <SelectField id="token-role" label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <TextField
          id="token-expiry"
          name="expiresInDays"
          type="number"
          min={1}
          max={3650}
          label="Expires after (days)"
          hint="Empty: never."
          error={fieldErrors.expiresInDays?.[0]}
        />
        <div className="md:col-span-3">
          <Button type="submit" disabled={create.isPending}>
            Create token
          </Button>
        </div>
      </form>
      {create.data && (
        <div
          role="status"
          className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          <p className="font-medium">Copy this token now — it will not be shown again.</p>
          <code data-testid="new-token" className="mt-2 block break-all font-mono text-xs">
            {create.data.token.token}
          </code>
        </div>
      )}
      {create.error && Object.keys(fieldErrors).length === 0 && (
        <FormError className="mt-2">{create.error.message}</FormError>
      )}
    </Card>
  );
}
