import { OVERVIEW_DEFINITIONS as DEF } from "@/lib/github/overview/definitions";
import type { LatestRelease } from "@/lib/github/overview/repository-overview";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

import { ExternalLink } from "./external-link";
import { Definition } from "./figure";
import { formatDateTime } from "@/components/ui/format";

export function ReleaseCard({ release }: { release: LatestRelease | null }) {
  return (
    <Card title="Latest release">
      {release === null ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No published release.</p>
      ) : (
        <div className="space-y-1">
          <p className="flex flex-wrap items-center gap-2">
            <ExternalLink href={release.url} className="font-mono text-lg font-semibold">
              {release.tagName}
            </ExternalLink>
            {release.isPrerelease && <Badge tone="amber">pre-release</Badge>}
            {release.isLatest && <Badge tone="green">latest</Badge>}
          </p>
          {release.name && release.name !== release.tagName && <p className="text-sm">{release.name}</p>}
          <p className="text-xs text-neutral-500 dark:text-neutral-400">
            {release.publishedAt
              ? `Published ${formatDateTime(release.publishedAt)}`
              : `Created ${formatDateTime(release.createdAt)} (not published)`}
          </p>
        </div>
      )}
      <Definition>{DEF.latestRelease}</Definition>
    </Card>
  );
}
