import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current";
import { getDependenciesPage } from "@/lib/deps/view";
import { DependenciesPage } from "@/components/deps/dependencies-page";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Dependencies" };

type Props = { searchParams: Promise<{ repo?: string | string[] }> };

export default async function Page({ searchParams }: Props) {
  await requireUser();
  const { repo } = await searchParams;
  const requested = typeof repo === "string" && repo.trim() ? repo.trim() : null;
  const data = await getDependenciesPage({ now: new Date(), repoKey: requested ?? undefined });
  return (
    <>
      <PageHeader
        title="Dependencies"
        description="Dependabot alerts, update pull requests and outdated packages against the runbook's update targets."
      />
      <DependenciesPage data={data} requested={requested} />
    </>
  );
}
