import { DAY, hash32, iso, nodeId, rngFor } from "./random";
import type { ActorData, BotData, LabelData, MilestoneData, UserData } from "./types";

/** What every part of the generator needs to know about the repository being built. */
export interface GenContext {
  seed: number;
  repoKey: string;
  repoDbId: number;
  repoUrl: string;
  nowMs: number;
  startMs: number;
  users: UserData[];
  maintainers: UserData[];
  bots: { dependabot: BotData; actions: BotData; renovate: BotData };
  labels: Map<string, LabelData>;
  milestones: MilestoneData[];
  commentDbBase: number;
  /** Per-repo sequences for databaseIds (repoDbId × 1,000,000 + n, so they fit GraphQL's Int). */
  counters: { review: number; reviewRequest: number };
}

const FIRST = [
  "alice",
  "bruno",
  "chen",
  "dana",
  "emeka",
  "fatima",
  "gus",
  "hana",
  "ivan",
  "jo",
  "kemal",
  "lena",
  "mateo",
  "nia",
  "omar",
  "priya",
  "quinn",
  "rosa",
  "sven",
  "tariq",
  "uma",
  "vik",
  "wen",
  "xavi",
  "yuki",
  "zoe",
];

export function makeUser(login: string, name: string | null = null): UserData {
  const databaseId = 1000 + (hash32(login) % 90_000_000);
  return {
    __typename: "User",
    id: nodeId("U", login),
    databaseId,
    login,
    name,
    url: `https://github.com/${login}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${databaseId}?v=4`,
    createdAt: "2015-03-01T10:00:00Z",
    updatedAt: "2025-01-01T10:00:00Z",
  };
}

function makeBot(login: string, databaseId: number): BotData {
  return {
    __typename: "Bot",
    id: nodeId("BOT", login),
    databaseId,
    login,
    url: `https://github.com/apps/${login}`,
    avatarUrl: `https://avatars.githubusercontent.com/in/${databaseId}?v=4`,
    createdAt: "2017-05-01T10:00:00Z",
    updatedAt: "2025-01-01T10:00:00Z",
  };
}

export function makeUsers(seed: number, count: number): UserData[] {
  const rng = rngFor(seed, "users");
  const users: UserData[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length] ?? "dev";
    const login = i < FIRST.length ? `${first}-${rng.hex(3)}` : `${first}${i}`;
    users.push(makeUser(login, rng.chance(0.7) ? first.charAt(0).toUpperCase() + first.slice(1) : null));
  }
  return users;
}

export const BOTS = () => ({
  dependabot: makeBot("dependabot", 49699333),
  actions: makeBot("github-actions", 41898282),
  renovate: makeBot("renovate", 29139614),
});

const LABELS: [string, string, string | null][] = [
  ["bug", "d73a4a", "Something isn't working"],
  ["enhancement", "a2eeef", "New feature or request"],
  ["documentation", "0075ca", "Improvements or additions to documentation"],
  ["question", "d876e3", "Further information is requested"],
  ["good first issue", "7057ff", "Good for newcomers"],
  ["help wanted", "008672", "Extra attention is needed"],
  ["P0", "b60205", "Critical: respond within 24 h"],
  ["P1", "d93f0b", "High: respond within 3 days"],
  ["P2", "fbca04", "Medium: respond within 1 week"],
  ["P3", "0e8a16", "Low: best effort"],
  ["status-stale", "ededed", "No activity for 30 days"],
  ["triage", "c5def5", null],
  ["dependencies", "0366d6", "Pull requests that update a dependency file"],
  ["security", "ee0701", null],
  ["wontfix", "ffffff", "This will not be worked on"],
  ["duplicate", "cfd3d7", "This issue or pull request already exists"],
];

export function makeLabels(repoDbId: number, repoUrl: string, createdAt: string): Map<string, LabelData> {
  const labels = new Map<string, LabelData>();
  LABELS.forEach(([name, color, description], i) => {
    labels.set(name, {
      __typename: "Label",
      id: nodeId("LA", repoDbId, i),
      name,
      color,
      description,
      isDefault: i < 6 || name === "wontfix" || name === "duplicate",
      url: `${repoUrl}/labels/${encodeURIComponent(name)}`,
      createdAt,
      updatedAt: createdAt,
    });
  });
  return labels;
}

export function makeMilestones(
  ctx: Pick<GenContext, "seed" | "repoKey" | "repoDbId" | "repoUrl" | "startMs" | "nowMs">,
): MilestoneData[] {
  const rng = rngFor(ctx.seed, ctx.repoKey, "milestones");
  const count = 6;
  const step = (ctx.nowMs - ctx.startMs) / count;
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    const dueMs = ctx.startMs + step * (i + 1);
    const closed = dueMs < ctx.nowMs - 30 * DAY;
    return {
      __typename: "Milestone" as const,
      id: nodeId("MI", ctx.repoDbId, number),
      number,
      title: `v${1 + Math.floor(i / 3)}.${i % 3}`,
      description: rng.chance(0.5) ? "Release train" : null,
      state: closed ? ("CLOSED" as const) : ("OPEN" as const),
      closed,
      dueOn: iso(dueMs),
      closedAt: closed ? iso(dueMs + rng.int(0, 10) * DAY) : null,
      createdAt: iso(ctx.startMs + step * i),
      updatedAt: iso(closed ? dueMs + 10 * DAY : ctx.startMs + step * i),
      url: `${ctx.repoUrl}/milestone/${number}`,
    };
  });
}

/** Author association as GitHub reports it for this actor in this repo. */
export function associationOf(ctx: GenContext, actor: ActorData | null): string {
  if (!actor || actor.__typename === "Bot") return "NONE";
  return ctx.maintainers.some((m) => m.login === actor.login) ? "MEMBER" : "CONTRIBUTOR";
}
