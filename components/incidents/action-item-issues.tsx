"use client";
import { useState } from "react";
import { useActionItemIssuesQuery, useCreateActionItemIssue } from "@/lib/incidents/action-items/hooks";
import type { ActionItemIssueLink } from "@/lib/incidents/action-items/schemas";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-message";

const norm = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

function IssueLink({ link }: { link: ActionItemIssueLink }) {
  if (link.status !== "created" || !link.url)
    return <span className="text-xs text-neutral-600 dark:text-neutral-400">Issue being created…</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-sm">
      <a href={link.url} className="underline" rel="noreferrer">
        {link.repository}#{link.number}
      </a>
      {link.state === "CLOSED" ? (
        <Badge tone="green">closed on GitHub</Badge>
      ) : link.state === "OPEN" ? (
        <Badge tone="sky">open</Badge>
      ) : (
        <span className="text-xs text-neutral-600 dark:text-neutral-400">(state after the next sync)</span>
      )}
    </span>
  );
}

/** The postmortem's action items, each with its GitHub issue or a "Create GitHub issue" button. */
export function ActionItemIssues({
  incidentId,
  items,
  canAct,
}: {
  incidentId: string;
  items: { text: string; done: boolean }[];
  canAct: boolean;
}) {
  const query = useActionItemIssuesQuery(incidentId);
  const create = useCreateActionItemIssue(incidentId);
  const [repository, setRepository] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const repositories = query.data?.repositories ?? [];
  const chosen = repository ?? repositories[0] ?? "";
  const linkOf = (text: string) => query.data?.links.find((l) => norm(l.itemText) === norm(text));

  async function createIssue(index: number) {
    setError(null);
    try {
      await create.mutateAsync({ item: index, repository: chosen });
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not create the issue.");
    }
  }

  return (
    <div>
      <h3 className="font-medium">Action items</h3>
      {canAct && repositories.length > 1 && (
        <label className="mt-1 flex flex-wrap items-center gap-2 text-xs">
          New issues go to
          <select
            className="rounded border border-neutral-300 bg-white px-1 py-0.5 dark:border-neutral-700 dark:bg-neutral-900"
            value={chosen}
            onChange={(e) => setRepository(e.target.value)}
          >
            {repositories.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
      )}
      {canAct && query.isSuccess && repositories.length === 0 && (
        <p className="text-xs text-neutral-600 dark:text-neutral-400">
          Add a repository in Settings → Repositories to turn action items into GitHub issues.
        </p>
      )}
      <ul className="mt-1 space-y-2" data-testid="action-items">
        {items.map((a, i) => {
          const link = linkOf(a.text);
          return (
            <li key={i} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span>
                <span aria-label={a.done ? "done" : "open"}>{a.done ? "☑" : "☐"}</span> {a.text}
              </span>
              {link ? (
                <IssueLink link={link} />
              ) : (
                canAct &&
                chosen && (
                  <Button
                    variant="secondary"
                    className="px-2 py-0.5 text-xs"
                    disabled={create.isPending}
                    aria-label={`Create GitHub issue: ${a.text}`}
                    onClick={() => createIssue(i)}
                  >
                    Create GitHub issue
                  </Button>
                )
              )}
            </li>
          );
        })}
      </ul>
      {error && <FormError className="mt-2">{error}</FormError>}
    </div>
  );
}
