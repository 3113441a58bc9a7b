import type { UnlabeledIssue } from "@/lib/github/overview/repository-overview";
import { Badge } from "@/components/ui/badge";

/** A GitHub author as text: a deleted account (no login) is GitHub's "ghost"; bots carry a badge. */
export function Author({ login, type }: { login: string | null; type: UnlabeledIssue["authorType"] }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className={login === null ? "italic text-neutral-500 dark:text-neutral-400" : ""}>{login ?? "ghost"}</span>
      {type === "bot" && <Badge tone="sky">bot</Badge>}
    </span>
  );
}
