import type { CheckResult } from "@/lib/runbooks/checks/ids";
import { CHECK_DEFINITIONS } from "@/lib/runbooks/checks/definitions";
import { Badge } from "@/components/ui/badge";

const TONE = { pass: "green", fail: "red", not_connected: "neutral" } as const;
const WORD = { pass: "pass", fail: "fail", not_connected: "not connected" } as const;

/** A live check value with its pass/fail/not-connected badge; the definition is in the title and a link leads to the evidence. */
export function CheckValue({ result }: { result: CheckResult }) {
  const meta = CHECK_DEFINITIONS[result.id];
  return (
    <span
      className="inline-flex flex-wrap items-center gap-1.5 text-xs"
      title={`${meta.definition} Pass when ${meta.passCondition}.`}
    >
      <Badge tone={TONE[result.status]}>{WORD[result.status]}</Badge>
      {result.evidenceUrl ? (
        <a
          href={result.evidenceUrl}
          className="text-neutral-600 underline-offset-2 hover:underline dark:text-neutral-400"
        >
          {result.display}
        </a>
      ) : (
        <span className="text-neutral-600 dark:text-neutral-400">{result.display}</span>
      )}
    </span>
  );
}
