// The runbook's release procedures (seed "Maintenance Runbook" → Release Procedures) as built-in step
// lists, with the steps GitHub data can show ticked: tag pushed, release published, CI green on the tag.
export type ProcedureKind = "patch" | "minor" | "major";
export type Observation = "tag" | "release" | "ci";
export type ProcedureStep = { text: string; observe?: Observation };
export type ObservedFacts = {
  tagExists: boolean;
  releasePublished: boolean;
  ciState: "green" | "failing" | "pending" | "none";
};
export type TickedStep = ProcedureStep & { done: boolean | null; evidence: string | null };

const PATCH: ProcedureStep[] = [
  { text: "Create the release branch (release/x.y.z)" },
  { text: "Update the version number" },
  { text: "Update CHANGELOG.md (use the changelog draft below)" },
  { text: "Run the full test suite — CI green on the tagged commit", observe: "ci" },
  { text: "Build the package" },
  { text: "Test the package locally" },
  { text: "Merge to main" },
  { text: "Tag the release and push the tag", observe: "tag" },
  { text: "Upload to the package registry" },
  { text: "Create the GitHub release (notes from CHANGELOG.md)", observe: "release" },
  { text: "Announce (README, Discussions)" },
];

const MINOR_EXTRA: ProcedureStep[] = [
  { text: "More extensive testing" },
  { text: "Update documentation for the new features (QUICKSTART.md if needed)" },
  { text: "Announce more prominently" },
];

const MAJOR_EXTRA: ProcedureStep[] = [
  { text: "Write the migration guide" },
  { text: "Extensive testing; a beta release first (optional)" },
  { text: "Update all documentation" },
  { text: "Coordinated announcement" },
];

export function procedureSteps(kind: ProcedureKind): ProcedureStep[] {
  if (kind === "patch") return PATCH;
  if (kind === "minor")
    return [...PATCH.slice(0, 3), ...MINOR_EXTRA.slice(0, 2), ...PATCH.slice(3, 10), MINOR_EXTRA[2]!];
  return [...PATCH.slice(0, 3), ...MAJOR_EXTRA.slice(0, 3), ...PATCH.slice(3, 10), MAJOR_EXTRA[3]!];
}

/** Observable steps get done true/false with the evidence; the others stay null (a person ticks them). */
export function tickSteps(kind: ProcedureKind, version: string, facts: ObservedFacts): TickedStep[] {
  return procedureSteps(kind).map((step) => {
    if (step.observe === "tag")
      return {
        ...step,
        done: facts.tagExists,
        evidence: facts.tagExists ? `tag ${version} exists` : `no tag ${version} yet`,
      };
    if (step.observe === "release")
      return {
        ...step,
        done: facts.releasePublished,
        evidence: facts.releasePublished ? `release ${version} is published` : `no published release ${version}`,
      };
    if (step.observe === "ci") {
      const evidence = {
        green: "CI green on the tagged commit",
        failing: "CI failing on the tagged commit",
        pending: "CI still running on the tagged commit",
        none: "no CI result for the tagged commit yet",
      }[facts.ciState];
      return { ...step, done: facts.ciState === "green", evidence };
    }
    return { ...step, done: null, evidence: null };
  });
}
