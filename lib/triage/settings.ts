// Settings → Triage: one configuration per repository (defaults when none is stored), admin edits audited.
import "server-only";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/request";
import { DEFAULT_TRIAGE_CONFIG, TriageConfig } from "./schemas";

/** A stored config that no longer parses (an older shape) falls back to the defaults, field by field. */
export function parseStoredConfig(value: unknown): TriageConfig {
  const merged =
    typeof value === "object" && value !== null ? { ...DEFAULT_TRIAGE_CONFIG, ...value } : DEFAULT_TRIAGE_CONFIG;
  const parsed = TriageConfig.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_TRIAGE_CONFIG;
}

export async function getTriageConfigs(
  repoIds: string[],
  client: Pick<typeof db, "triageSettings"> = db,
): Promise<Map<string, TriageConfig>> {
  const rows = repoIds.length ? await client.triageSettings.findMany({ where: { repoId: { in: repoIds } } }) : [];
  const stored = new Map(rows.map((r) => [r.repoId, parseStoredConfig(r.config)]));
  return new Map(repoIds.map((id) => [id, stored.get(id) ?? DEFAULT_TRIAGE_CONFIG]));
}

export async function getTriageConfig(repoId: string): Promise<TriageConfig> {
  return (await getTriageConfigs([repoId])).get(repoId) ?? DEFAULT_TRIAGE_CONFIG;
}

/** Saves a repository's triage settings; the audit entry lists which top-level settings changed. */
export async function saveTriageConfig(
  ctx: { actor: Actor },
  input: { repoId: string; config: TriageConfig },
): Promise<TriageConfig> {
  const config = TriageConfig.parse(input.config);
  return db.$transaction(async (tx) => {
    const repo = await tx.githubRepository.findUnique({
      where: { id: input.repoId },
      select: { owner: true, name: true },
    });
    if (!repo) throw new ApiError(404, "not_found", "No such repository.");
    const before = await tx.triageSettings.findUnique({ where: { repoId: input.repoId } });
    const previous = before ? parseStoredConfig(before.config) : DEFAULT_TRIAGE_CONFIG;
    const changed = (Object.keys(config) as Array<keyof TriageConfig>).filter(
      (k) => JSON.stringify(config[k]) !== JSON.stringify(previous[k]),
    );
    await tx.triageSettings.upsert({
      where: { repoId: input.repoId },
      create: { repoId: input.repoId, config, updatedBy: ctx.actor.username },
      update: { config, updatedBy: ctx.actor.username },
    });
    await recordAudit(
      {
        action: "triage_settings.updated",
        actorId: ctx.actor.id,
        target: `${repo.owner}/${repo.name}`,
        ip: ctx.actor.ip,
        detail: { changed },
      },
      tx,
    );
    return config;
  });
}
