// GET /api/v1/releases?repo=owner/name
import "server-only";
import { findRepositoryOr404 } from "@/lib/deps/api";
import { getReleasesView } from "./queries";

export async function getReleasesResponse(ctx: { now: Date }, key: string) {
  const repo = await findRepositoryOr404(key);
  const view = await getReleasesView(ctx, repo);
  return {
    repository: repo.key,
    releases: view.releases.map(({ tagCommitOid: _oid, notes: _notes, notesSource: _source, ...r }) => r),
    unreleased: view.unreleased.pulls,
    suggestedVersion: view.unreleased.suggestedVersion,
    changelogDraft: view.unreleased.draft,
    cadence: view.cadence.map(({ cls, lastVersion, lastAt, daysSince, target, state, text }) => ({
      class: cls,
      lastVersion,
      lastAt,
      daysSince,
      target,
      state,
      text,
    })),
  };
}
