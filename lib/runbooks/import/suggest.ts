// Suggests a live check for an item by its words; the admin confirms or changes it in the preview.
import { normaliseText } from "./text";

/** First match wins; each entry names a check id from lib/runbooks/checks/catalogue.ts. */
const RULES: Array<{ words: RegExp; check: string }> = [
  { words: /\btag (the )?release\b/, check: "github.tag_appeared" },
  { words: /\b(create|publish)( the)? github release\b/, check: "github.release_published" },
  { words: /\brun (the )?full test suite\b/, check: "github.commit_ci_green" },
  { words: /\bcircuit breakers?\b/, check: "health.breakers_open" },
  {
    words: /\bsecurity (alerts?|vulnerabilit(y|ies)|advisor(y|ies))\b|\bvulnerabilit(y|ies) scan\b|\bcves?\b/,
    check: "github.security_alerts",
  },
  { words: /\b(ci( cd)?|cd|pipeline|builds? (are |is )?failing)\b/, check: "github.ci_failing" },
  { words: /\berror (rate|logs?)\b/, check: "health.error_rate" },
  { words: /\bresponse time\b|\bperformance metrics\b/, check: "health.response_time" },
  { words: /\bmemory\b/, check: "health.memory" },
  { words: /\bhealth (checks?|status)\b|\bsystem health\b/, check: "health.targets_not_ok" },
  { words: /\b(p0|critical)\b.*\bissues?\b|\bissues?\b.*\bp0\b/, check: "triage.p0_past_target" },
  { words: /\b(triage|label)\b.*\b(new )?issues\b/, check: "triage.untriaged" },
  { words: /\bstale\b/, check: "triage.stale" },
  { words: /\b(review|merge)\b.*\b(open |pending |all )*(prs|pull requests)\b/, check: "github.prs_waiting_review" },
  { words: /\bnew issues\b|\bnew prs\b|\bnotifications\b/, check: "github.new_items" },
  { words: /\bdependency (updates?|review)\b|\bupdate dependencies\b|\boutdated\b/, check: "deps.overdue_updates" },
  { words: /\b(open|active|ongoing) incidents?\b|\bincident (board|status)\b/, check: "incidents.open" },
  { words: /\bsync\b/, check: "github.sync_stale" },
];

export function suggestCheck(text: string): string | null {
  const words = normaliseText(text);
  return RULES.find((rule) => rule.words.test(words))?.check ?? null;
}
