// Every page and route handler in app/, read from the file system so a new route cannot be forgotten.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export const SAMPLE_ID = "00000000-0000-7000-8000-000000000000";

/** The route's template as in app/: route groups dropped, `[param]` segments kept. */
function toTemplate(file: string): string {
  const segments = relative("app", file).split(sep).slice(0, -1);
  return `/${segments.filter((s) => !(s.startsWith("(") && s.endsWith(")"))).join("/")}`;
}

/** A requestable URL for a template: every `[param]` becomes a well-formed id that matches nothing. */
export function sampleUrl(template: string): string {
  return template.replace(/\[[^\]]+\]/g, SAMPLE_ID);
}

function toUrl(file: string): string {
  return sampleUrl(toTemplate(file));
}

export function listPages(): string[] {
  return walk("app")
    .filter((f) => f.endsWith(`${sep}page.tsx`))
    .map(toUrl)
    .sort();
}

export function listPageTemplates(): string[] {
  return walk("app")
    .filter((f) => f.endsWith(`${sep}page.tsx`))
    .map(toTemplate)
    .sort();
}

export function listApiRouteTemplates(): { template: string; method: string }[] {
  return walk("app")
    .filter((f) => f.endsWith(`${sep}route.ts`))
    .flatMap((file) => methodsOf(file).map((method) => ({ template: toTemplate(file), method })))
    .sort((a, b) => `${a.template} ${a.method}`.localeCompare(`${b.template} ${b.method}`));
}

function methodsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
}

export function listApiRoutes(): { path: string; method: string }[] {
  return walk("app")
    .filter((f) => f.endsWith(`${sep}route.ts`))
    .flatMap((file) => {
      return methodsOf(file).map((method) => ({ path: toUrl(file), method }));
    })
    .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
