import { OVERVIEW_DEFINITIONS as DEF } from "@/lib/github/overview/definitions";
import type { RepositoryOverview } from "@/lib/github/overview/repository-overview";
import { Card } from "@/components/ui/card";
import { Figure } from "./figure";

export function OpenIssuesCard({ issues }: { issues: RepositoryOverview["issues"] }) {
  return (
    <Card title="Open issues">
      <Figure
        value={issues.open}
        label={issues.open === 1 ? "open issue" : "open issues"}
        definition={DEF.openIssues}
        testId="open-issues-count"
      />
    </Card>
  );
}

export function OpenPullsCard({ pulls }: { pulls: RepositoryOverview["pulls"] }) {
  return (
    <Card title="Open pull requests">
      <div className="space-y-4">
        <Figure
          value={pulls.open}
          label={pulls.open === 1 ? "open pull request" : "open pull requests"}
          definition={DEF.openPulls}
          testId="open-pulls-count"
        />
        <Figure
          value={pulls.drafts}
          label={pulls.drafts === 1 ? "draft" : "drafts"}
          definition={DEF.draftPulls}
          testId="draft-pulls-count"
        />
      </div>
    </Card>
  );
}
