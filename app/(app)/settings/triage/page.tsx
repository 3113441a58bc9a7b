import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/current";
import { listTriageRepos } from "@/lib/triage/queries";
import { getTriageConfigs } from "@/lib/triage/settings";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { SettingsNav } from "@/components/settings/settings-nav";
import { TriageSettingsForm } from "@/components/triage/settings-form";

export const metadata: Metadata = { title: "Triage settings" };

export default async function TriageSettingsPage({ searchParams }: { searchParams: Promise<{ repo?: string }> }) {
  await requireRole("admin");
  const repos = await listTriageRepos();
  const { repo } = await searchParams;
  const current = repos.find((r) => r.key === repo?.toLowerCase()) ?? repos[0];
  const config = current ? (await getTriageConfigs([current.id])).get(current.id) : undefined;
  return (
    <>
      <PageHeader
        title="Settings"
        description="Per repository: which labels mean which priority, type and status; the triage and response targets; whose comments never count; the stale procedure."
      />
      <SettingsNav current="/settings/triage" isAdmin />
      {!current || !config ? (
        <EmptyState title="No repositories yet">
          <p>
            Add a repository in Settings → Repositories first; its triage settings start from the runbook&apos;s
            defaults.
          </p>
        </EmptyState>
      ) : (
        <TriageSettingsForm key={current.id} repos={repos} repoId={current.id} initial={config} />
      )}
    </>
  );
}
