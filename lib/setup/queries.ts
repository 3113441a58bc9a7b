import "server-only";
import { db } from "@/lib/db";
import { hasUsableGithubToken } from "@/lib/github/credentials";
import { setupSteps, type SetupStep } from "./steps";

/** The getting-started steps as they stand now (four small counts, read in parallel). */
export async function getSetupSteps(): Promise<SetupStep[]> {
  const [githubToken, repositories, healthTargets, activeUsers] = await Promise.all([
    hasUsableGithubToken(),
    db.githubRepository.count({ where: { enabled: true } }),
    db.healthTarget.count(),
    db.user.count({ where: { active: true } }),
  ]);
  return setupSteps({ githubToken, repositories, healthTargets, activeUsers });
}
