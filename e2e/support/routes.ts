// Every page and route handler in app/, read from the file system so a new route cannot be forgotten.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function toUrl(file: string): string {
  const segments = relative("app", file).split(sep).slice(0, -1);
  const parts = segments
    .filter((s) => !(s.startsWith("(") && s.endsWith(")")))
    .map((s) => (s.startsWith("[") ? "00000000-0000-7000-8000-000000000000" : s));
  return `/${parts.join("/")}`;
}

export function listPages(): string[] {
  return walk("app").filter((f) => f.endsWith(`${sep}page.tsx`)).map(toUrl).sort();
}

export function listApiRoutes(): { path: string; method: string }[] {
  return walk("app")
    .filter((f) => f.endsWith(`${sep}route.ts`))
    .flatMap((file) => {
      const source = readFileSync(file, "utf8");
      const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
      return methods.map((method) => ({ path: toUrl(file), method }));
    })
    .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
