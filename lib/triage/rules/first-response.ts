// The first response: the earliest comment (for pull requests also a submitted review) by someone
// who is not the author, not a bot, not a deleted account and not on the ignore list.
export type ActorType = "user" | "bot" | "ghost";
export type Contribution = { kind: "comment" | "review"; login: string | null; actorType: ActorType; at: Date };

export type ResponseSubject = { kind: "issue" | "pull_request"; authorLogin: string | null };

export function countsAsResponse(subject: ResponseSubject, c: Contribution, ignore: ReadonlySet<string>): boolean {
  if (c.actorType !== "user" || !c.login) return false;
  const login = c.login.toLowerCase();
  if (ignore.has(login)) return false;
  if (subject.authorLogin && subject.authorLogin.toLowerCase() === login) return false;
  return c.kind === "comment" || subject.kind === "pull_request";
}

export function firstResponseAt(
  subject: ResponseSubject,
  contributions: readonly Contribution[],
  ignoreLogins: readonly string[],
): Date | null {
  const ignore = new Set(ignoreLogins.map((l) => l.toLowerCase()));
  let first: Date | null = null;
  for (const c of contributions) {
    if (!countsAsResponse(subject, c, ignore)) continue;
    if (first === null || c.at < first) first = c.at;
  }
  return first;
}
