"use client";
import Link from "next/link";
import type { RepositoryRow } from "@/lib/github/admin/views";
import {
  useAddRepositoryMutation,
  useDeleteRepositoryMutation,
  useRepositorySettingsQuery,
  useSetRepositoryEnabledMutation,
} from "@/lib/github/admin/hooks";
import { ApiClientError } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { LiveStatus } from "@/components/health/live-status";
import { SyncNowButton } from "@/components/sync/sync-now-button";
import { SyncState } from "@/components/sync/sync-state";
import { GithubTokenCard } from "./github-token-card";

/** Settings → Repositories: the token, the add form (admins) and every repository's live sync state. */
export function RepositoriesPanel({ isAdmin, canSync }: { isAdmin: boolean; canSync: boolean }) {
  const query = useRepositorySettingsQuery();
  if (!query.data) return <LiveStatus query={query} what="repositories" />;
  const { token, repositories } = query.data;
  return (
    <div className="space-y-6">
      <GithubTokenCard token={token} isAdmin={isAdmin} />
      <Card title="Repositories">
        {isAdmin && <AddRepositoryForm />}
        {repositories.length === 0 ? (
          <EmptyState title="No repositories yet">
            {isAdmin ? "Add one above as owner/name" : "An admin adds them here"}, or list them in{" "}
            <code>STEWARD_REPOS</code>. steward then syncs issues, pull requests, CI, releases and Dependabot alerts
            every 15 minutes.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {repositories.map((repo) => (
              <RepositoryItem key={repo.id} repo={repo} isAdmin={isAdmin} canSync={canSync} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function AddRepositoryForm() {
  const add = useAddRepositoryMutation();
  const error =
    add.error instanceof ApiClientError
      ? (add.error.fieldErrors.fullName?.[0] ?? add.error.message)
      : add.error?.message;
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        add.mutate(String(new FormData(form).get("fullName") ?? ""), { onSuccess: () => form.reset() });
      }}
    >
      <div className="min-w-64 flex-1">
        <TextField
          id="repository-name"
          name="fullName"
          label="Repository"
          placeholder="owner/name"
          required
          autoComplete="off"
          spellCheck={false}
          error={error}
          hint="Its first sync starts right away when a token is set."
        />
      </div>
      <Button type="submit" disabled={add.isPending}>
        Add repository
      </Button>
    </form>
  );
}

function RepositoryItem({ repo, isAdmin, canSync }: { repo: RepositoryRow; isAdmin: boolean; canSync: boolean }) {
  const label = `${repo.owner}/${repo.name}`;
  const toggle = useSetRepositoryEnabledMutation(repo.id);
  const remove = useDeleteRepositoryMutation(repo.id);
  const error = toggle.error?.message ?? remove.error?.message;
  return (
    <li className="flex flex-wrap items-start justify-between gap-4 py-3" data-testid={`repository-${label}`}>
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-medium">
          <Link className="text-sky-700 underline dark:text-sky-400" href={`/repositories/${repo.owner}/${repo.name}`}>
            {label}
          </Link>
          {repo.fromEnv && (
            <span className="ml-2 text-xs text-neutral-600 dark:text-neutral-400">from STEWARD_REPOS</span>
          )}
          {!repo.enabled && <span className="ml-2 text-xs text-amber-800 dark:text-amber-300">paused</span>}
        </p>
        <SyncState repo={repo} />
        {error && (
          <p role="alert" className="text-xs text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-start gap-2">
        {canSync && repo.enabled && (
          <SyncNowButton id={repo.id} label={label} busy={repo.active !== null || repo.queued} />
        )}
        <Link
          className="rounded-md px-3 py-2 text-sm text-sky-700 underline dark:text-sky-400"
          href={`/settings/repositories/${repo.id}`}
          aria-label={`Sync history of ${label}`}
        >
          History
        </Link>
        {isAdmin && (
          <Button
            variant="ghost"
            disabled={toggle.isPending}
            onClick={() => toggle.mutate(!repo.enabled)}
            aria-label={`${repo.enabled ? "Pause" : "Resume"} ${label}`}
          >
            {repo.enabled ? "Pause" : "Resume"}
          </Button>
        )}
        {isAdmin && !repo.fromEnv && (
          <Button
            variant="danger"
            disabled={remove.isPending}
            aria-label={`Remove ${label}`}
            onClick={() => {
              if (window.confirm(`Remove ${label} and everything synced from it?`)) remove.mutate();
            }}
          >
            Remove
          </Button>
        )}
      </div>
    </li>
  );
}
