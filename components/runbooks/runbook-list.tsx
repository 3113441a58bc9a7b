"use client";
import { useState } from "react";
import { useRunbooksQuery, useSetActiveMutation } from "@/lib/runbooks/hooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { ImportPanel } from "./import-panel";
import { SectionRow } from "./section-row";
import { FormError } from "@/components/ui/form-message";

export function RunbookList({ canAct, importTemplate }: { canAct: boolean; importTemplate?: string }) {
  const query = useRunbooksQuery();
  const setActive = useSetActiveMutation();
  const [reimport, setReimport] = useState<string | null>(null);
  const runbooks = query.data;
  return (
    <div className="space-y-6">
      {canAct && (
        <Card title="Import a runbook">
          <ImportPanel initialTemplate={importTemplate} />
        </Card>
      )}
      {!runbooks ? (
        query.error ? (
          <FormError>{query.error.message}</FormError>
        ) : (
          <p className="text-sm text-neutral-500">Loading…</p>
        )
      ) : runbooks.length === 0 ? (
        <EmptyState title="No runbooks yet">
          {canAct ? (
            <p>Import a built-in template above, or paste your own runbook markdown.</p>
          ) : (
            <p>Ask a maintainer to import a runbook.</p>
          )}
        </EmptyState>
      ) : (
        runbooks.map((r) => (
          <Card
            key={r.id}
            title={r.title}
            actions={<Badge tone={r.active ? "green" : "neutral"}>{r.active ? "active" : "paused"}</Badge>}
          >
            <p className="mb-3 text-xs text-neutral-500">
              Imported {formatDateTime(r.importedAt)} from {r.source} · {r.sections.filter((s) => !s.removed).length}{" "}
              sections
            </p>
            {canAct && (
              <div className="mb-3 flex flex-wrap gap-2">
                <Button
                  variant={r.active ? "secondary" : "primary"}
                  disabled={setActive.isPending}
                  onClick={() => setActive.mutate({ id: r.id, active: !r.active })}
                >
                  {r.active ? "Pause" : "Activate"}
                </Button>
                <Button variant="ghost" onClick={() => setReimport(reimport === r.id ? null : r.id)}>
                  Re-import…
                </Button>
              </div>
            )}
            {reimport === r.id && (
              <div className="mb-4 rounded border border-neutral-200 p-3 dark:border-neutral-800">
                <ImportPanel runbookId={r.id} />
              </div>
            )}
            <div className="space-y-2">
              {r.sections.map((s) => (
                <SectionRow key={s.id} section={s} canAct={canAct} />
              ))}
            </div>
          </Card>
        ))
      )}
    </div>
  );
}
