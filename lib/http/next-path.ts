// Where to send someone after sign-in: a path on this site only, resolved the way a browser would.
const ORIGIN = "http://steward.invalid";
// C0 controls, DEL and C1 controls: browsers strip tabs and newlines from URLs ("/\t/evil" → "//evil").
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const DEFAULT_NEXT_PATH = "/today";

/** `next` as a same-origin path (pathname + search + hash), or the default page. */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || !next.startsWith("/") || CONTROL.test(next) || next.includes("\\")) return DEFAULT_NEXT_PATH;
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return DEFAULT_NEXT_PATH;
  }
  if (url.origin !== ORIGIN) return DEFAULT_NEXT_PATH;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? DEFAULT_NEXT_PATH : path;
}
