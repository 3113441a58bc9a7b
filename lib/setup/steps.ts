// The getting-started checklist: each step ticks itself from what is in the database.
export type SetupFacts = {
  githubToken: boolean;
  repositories: number;
  healthTargets: number;
  activeUsers: number;
  runbooks: number;
};
export type SetupStep = {
  id: "github" | "health" | "team" | "runbook";
  title: string;
  detail: string;
  href: string;
  done: boolean;
};

/** The steps in order. */
export function setupSteps(f: SetupFacts): SetupStep[] {
  return [
    {
      id: "github",
      title: "Connect GitHub",
      detail: !f.githubToken
        ? "Enter a GitHub token, then add a repository to sync."
        : f.repositories === 0
          ? "The token is set; add a repository to sync."
          : `Token set, ${f.repositories} ${f.repositories === 1 ? "repository" : "repositories"} synced.`,
      href: "/settings/repositories",
      done: f.githubToken && f.repositories > 0,
    },
    {
      id: "health",
      title: "Add a health target",
      detail:
        f.healthTargets === 0
          ? "An HTTP check, a Prometheus scrape or a push target for your service."
          : `${f.healthTargets} ${f.healthTargets === 1 ? "target" : "targets"} checked.`,
      href: "/health/targets/new",
      done: f.healthTargets > 0,
    },
    {
      id: "team",
      title: "Invite the team",
      detail:
        f.activeUsers <= 1 ? "Create accounts for the maintainers and viewers." : `${f.activeUsers} active accounts.`,
      href: "/settings/users",
      done: f.activeUsers > 1,
    },
    {
      id: "runbook",
      title: "Import a runbook",
      detail:
        f.runbooks === 0
          ? "Turn a maintenance runbook (or a built-in template) into live checklists on Today."
          : `${f.runbooks} ${f.runbooks === 1 ? "runbook" : "runbooks"} imported.`,
      href: "/runbooks",
      done: f.runbooks > 0,
    },
  ];
}

export const isSetUp = (steps: SetupStep[]) => steps.every((s) => s.done);
