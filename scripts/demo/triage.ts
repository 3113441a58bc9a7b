// Demo inbox for Triage: re-dates the newest open issues of each generated repository so the queue
// shows what a maintainer meets on a Monday — fresh unlabeled issues, P0/P1 waiting for a first
// response, breached targets, and stale items (one already asked and due for closing).
import { DEFAULT_TRIAGE_CONFIG } from "@/lib/triage/schemas";
import { link } from "@/lib/github/test-server/links";
import { addComment } from "@/lib/github/test-server/mutations";
import type { ActorData, GeneratedRepo, IssueData } from "@/lib/github/test-server/types";

type Recipe = { hoursAgo: number; labels: string[]; respondedAfterHours?: number };

const RECIPES: Recipe[] = [
  { hoursAgo: 3, labels: [] }, // untriaged, new
  { hoursAgo: 20, labels: ["question"] }, // untriaged, within the 48 h triage target
  { hoursAgo: 60, labels: ["enhancement"] }, // untriaged past 48 h: breached
  { hoursAgo: 100, labels: [] }, // no labels at all, breached
  { hoursAgo: 6, labels: ["bug", "P0"] }, // P0 waiting, 18 h left
  { hoursAgo: 40, labels: ["bug", "P1"] }, // P1 waiting, 32 h left
  { hoursAgo: 66, labels: ["bug", "P1"] }, // P1 due soon, 6 h left
  { hoursAgo: 30, labels: ["bug", "P0"] }, // P0 breached by 6 h
  { hoursAgo: 50, labels: ["bug", "P1"], respondedAfterHours: 5 }, // answered in time
];

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function reshape(repo: GeneratedRepo, item: IssueData, recipe: Recipe, maintainer: ActorData, nowMs: number): void {
  const created = nowMs - recipe.hoursAgo * HOUR;
  Object.assign(item, {
    createdAt: iso(created),
    updatedAt: iso(created + 15 * 60_000),
    closed: false,
    closedAt: null,
    state: "OPEN",
    stateReason: null,
    assignees: [],
  });
  item.labels = recipe.labels.flatMap((name) => repo.labels.filter((l) => l.name === name));
  item.events = item.labels.map((label, i) =>
    link(
      {
        __typename: "LabeledEvent" as const,
        id: `${item.id}-demo-label-${i}`,
        actor: maintainer,
        createdAt: iso(created + (10 + i) * 60_000),
        label,
      },
      item,
    ),
  );
  item.comments = [];
  item.commentCount = 0;
  if (recipe.respondedAfterHours !== undefined)
    addComment(repo, item.number, new Date(created + recipe.respondedAfterHours * HOUR), {
      author: maintainer,
      body: "Thanks — I can reproduce this and am looking into it.",
    });
}

export async function seedTriageDemo(repos: GeneratedRepo[], now = new Date()): Promise<void> {
  const nowMs = now.getTime();
  for (const repo of repos) {
    const people = repo.actors.filter((a) => a.__typename === "User");
    const issues = repo.items
      .filter((i): i is IssueData => i.__typename === "Issue" && i.author?.__typename === "User")
      .sort((a, b) => b.number - a.number);
    for (const [index, recipe] of RECIPES.entries()) {
      const item = issues[index];
      const maintainer = people.find((p) => p.login !== item?.author?.login);
      if (item && maintainer) reshape(repo, item, recipe, maintainer, nowMs);
    }
    // One stale issue already asked 20 days ago by a bot, with no human reply since: due for closing.
    const quiet = issues
      .slice(RECIPES.length)
      .find((i) => i.state === "OPEN" && Date.parse(i.updatedAt) < nowMs - 40 * 24 * HOUR);
    const bot = repo.actors.find((a) => a.__typename === "Bot");
    if (quiet && bot)
      addComment(repo, quiet.number, new Date(nowMs - 20 * 24 * HOUR), {
        author: bot,
        body: DEFAULT_TRIAGE_CONFIG.staleComment,
      });
    repo.meta.version += 1;
  }
}
