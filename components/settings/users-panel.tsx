"use client";
import { useState } from "react";
import { ROLES, ROLE_DESCRIPTIONS, type Role } from "@/lib/auth/roles";
import { ApiClientError } from "@/lib/http/client";
import { useCreateUserMutation, useUpdateUserMutation } from "@/lib/users/hooks";
import type { UserRow } from "@/lib/users/queries";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { FormError } from "@/components/ui/form-message";

export function UsersPanel({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  return (
    <div className="space-y-6">
      <CreateUserForm />
      <Card title={`Users (${users.length})`}>
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-neutral-600 dark:text-neutral-400">
              <tr>
                <th className="py-2 pr-4">User</th>
                <th className="py-2 pr-4">Role</th>
                <th className="py-2 pr-4">Status</th>
                <th className="py-2 pr-4">Last sign-in</th>
                <th className="py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
              {users.map((user) => (
                <UserRowView key={user.id} user={user} self={user.id === currentUserId} />
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}

function UserRowView({ user, self }: { user: UserRow; self: boolean }) {
  const update = useUpdateUserMutation();
  return (
    <tr data-testid={`user-${user.username}`}>
      <td className="py-2 pr-4">
        <div className="font-medium">{user.displayName}</div>
        <div className="text-neutral-600 dark:text-neutral-400">
          {user.username}
          {self && " (you)"}
        </div>
      </td>
      <td className="py-2 pr-4">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.username}
        </label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          disabled={self || update.isPending}
          onChange={(e) => update.mutate({ id: user.id, role: e.target.value as Role })}
          className="rounded-md border border-neutral-300 bg-white px-2 py-1 dark:border-neutral-700 dark:bg-neutral-900"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td className="py-2 pr-4">{user.active ? <Badge tone="green">active</Badge> : <Badge>deactivated</Badge>}</td>
      <td className="py-2 pr-4 text-neutral-600 dark:text-neutral-400">
        {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "never"}
      </td>
      <td className="py-2 text-right">
        <div className="flex flex-wrap justify-end gap-2">
          {/* Sign-in throttling is per account too: anyone can lock a known username for 15 minutes. */}
          <Button
            variant="secondary"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: user.id, unlock: true })}
            aria-label={`Clear failed sign-ins of ${user.username}`}
          >
            Clear failed sign-ins
          </Button>
          {!self && (
            <Button
              variant={user.active ? "secondary" : "primary"}
              disabled={update.isPending}
              onClick={() => update.mutate({ id: user.id, active: !user.active })}
            >
              {user.active ? "Deactivate" : "Reactivate"}
            </Button>
          )}
        </div>
        {update.error && (
          <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
            {update.error.message}
          </p>
        )}
      </td>
    </tr>
  );
}

function CreateUserForm() {
  const create = useCreateUserMutation();
  const [role, setRole] = useState<Role>("viewer");
  const fieldErrors = create.error instanceof ApiClientError ? create.error.fieldErrors : {};
  return (
    <Card title="Add a user">
      <form
        className="grid gap-4 md:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          create.mutate(
            {
              username: String(data.get("username")),
              displayName: String(data.get("displayName")),
              password: String(data.get("password")),
              role,
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <TextField id="new-displayName" name="displayName" label="Name" required error={fieldErrors.displayName?.[0]} />
        <TextField
          id="new-username"
          name="username"
          label="Username"
          required
          autoComplete="off"
          error={fieldErrors.username?.[0]}
        />
        <TextField
          id="new-password"
          name="password"
          type="password"
          label="Initial password"
          required
          autoComplete="new-password"
          error={fieldErrors.password?.[0]}
          hint="At least 12 characters; share it privately."
        />
        <SelectField id="new-role" label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r} — {ROLE_DESCRIPTIONS[r]}
            </option>
          ))}
        </SelectField>
        <div className="flex items-center gap-3 md:col-span-2">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add user"}
          </Button>
          {create.isSuccess && (
            <p role="status" className="text-sm text-green-800 dark:text-green-300">
              Added {create.data.user.username}.
            </p>
          )}
          {create.error && Object.keys(fieldErrors).length === 0 && <FormError>{create.error.message}</FormError>}
        </div>
      </form>
    </Card>
  );
}
