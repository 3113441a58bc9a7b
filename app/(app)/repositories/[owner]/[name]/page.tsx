import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current";
import { getRepositoryHeader } from "@/lib/github/overview/repository-overview";
import { RepositoryOverview } from "@/components/repositories/repository-overview";
import { safeExternalHref } from "@/components/repositories/external-link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { owner, name } = await params;
  return { title: `Repositories · ${decodeURIComponent(owner)}/${decodeURIComponent(name)}` };
}

type Props = { params: Promise<{ owner: string; name: string }> };

export default async function RepositoryPage({ params }: Props) {
  await requireUser();
  const { owner, name } = await params;
  const overview = await getRepositoryHeader(owner, name);
  if (!overview) notFound();
  const { repository } = overview;
  return (
    <>
      <PageHeader
        title={`${repository.owner}/${repository.name}`}
        description="What steward has synced from GitHub: open work, default-branch CI, the latest release, security alerts and the last sync."
        actions={
          <div className="flex flex-wrap gap-2">
            {overview.webUrl && safeExternalHref(overview.webUrl) && (
              <a
                href={safeExternalHref(overview.webUrl)!}
                target="_blank"
                rel="noreferrer"
                className={buttonClass("secondary")}
              >
                Open on GitHub ↗
              </a>
            )}
            <Link href="/repositories" className={buttonClass("secondary")}>
              All repositories
            </Link>
          </div>
        }
      />
      <RepositoryOverview overview={overview} />
    </>
  );
}
