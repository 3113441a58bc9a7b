// The secret parts of a target's config — URL userinfo, URL query string, custom header values —
// are stored apart from `config`, AES-256-GCM-sealed (lib/secrets/). `config` keeps the URL without
// them and each custom header with an empty value, so views can say which are set, never what.
import { getAppSecret } from "@/lib/secrets/app-secret";
import { decryptSecret, encryptSecret } from "@/lib/secrets/encryption";

export type TargetSecrets = { userinfo?: string; query?: string; headers?: Record<string, string> };
/** What admins may know about the secrets: which are set. */
export type SecretsSet = { urlCredentials: boolean; urlQuery: boolean; headers: string[] };
type Json = Record<string, unknown>;

const PURPOSE = "health-target";
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** HTTP targets keep url and headers in their check, Prometheus targets a url in their config. */
const hasSecrets = (kind: string) => kind === "http" || kind === "prometheus";

function splitUrl(raw: string): { url: string; userinfo?: string; query?: string } {
  if (!URL.canParse(raw)) return { url: raw };
  const url = new URL(raw);
  const userinfo = url.username || url.password ? `${url.username}:${url.password}` : undefined;
  const query = url.search ? url.search.slice(1) : undefined;
  url.username = "";
  url.password = "";
  url.search = "";
  return { url: url.toString(), userinfo, query };
}

function joinUrl(raw: string, secrets: TargetSecrets): string {
  if (!URL.canParse(raw) || (!secrets.userinfo && !secrets.query)) return raw;
  const url = new URL(raw);
  if (secrets.userinfo && !url.username && !url.password) {
    const [user = "", ...rest] = secrets.userinfo.split(":");
    url.username = user;
    url.password = rest.join(":");
  }
  if (secrets.query && !url.search) url.search = `?${secrets.query}`;
  return url.toString();
}

/** Config as stored (no secrets) and the secrets taken out of it. */
export function splitSecrets(kind: string, config: Json): { config: Json; secrets: TargetSecrets } {
  if (!hasSecrets(kind)) return { config, secrets: {} };
  const holder: Json = { ...config };
  const secrets: TargetSecrets = {};
  if (typeof holder.url === "string") {
    const { url, userinfo, query } = splitUrl(holder.url);
    holder.url = url;
    if (userinfo) secrets.userinfo = userinfo;
    if (query) secrets.query = query;
  }
  if (isObject(holder.headers) && Object.keys(holder.headers).length > 0) {
    secrets.headers = Object.fromEntries(Object.entries(holder.headers).map(([k, v]) => [k, String(v)]));
    holder.headers = Object.fromEntries(Object.keys(holder.headers).map((k) => [k, ""]));
  }
  return { config: holder, secrets };
}

/** Config with the secrets put back: what a check actually sends. */
export function joinSecrets(kind: string, config: Json, secrets: TargetSecrets): Json {
  if (!hasSecrets(kind)) return config;
  const joined: Json = { ...config };
  if (typeof joined.url === "string") joined.url = joinUrl(joined.url, secrets);
  if (isObject(joined.headers)) {
    const stored = secrets.headers ?? {};
    joined.headers = Object.fromEntries(
      Object.entries(joined.headers).map(([k, v]) => [k, v === "" && k in stored ? stored[k]! : String(v)]),
    );
  }
  return joined;
}

/**
 * A submitted config merged with what is stored: a URL without userinfo (or query) keeps the stored
 * one if it still points at the same origin and path; a header sent with an empty value keeps its
 * stored value; `forget` drops whatever was not sent again. Anything typed replaces.
 */
export function mergeSubmitted(
  kind: string,
  submitted: Json,
  stored: { config: Json; secrets: TargetSecrets },
  forget: boolean,
): Json {
  if (forget || !hasSecrets(kind)) return submitted;
  const { config: sentPublic, secrets: sent } = splitSecrets(kind, submitted);
  const sameUrl = sentPublic.url === stored.config.url;
  const keep: TargetSecrets = {
    userinfo: sent.userinfo || !sameUrl ? undefined : stored.secrets.userinfo,
    query: sent.query || !sameUrl ? undefined : stored.secrets.query,
    headers: stored.secrets.headers,
  };
  return joinSecrets(kind, submitted, keep);
}

export function describeSecrets(secrets: TargetSecrets): SecretsSet {
  return {
    urlCredentials: Boolean(secrets.userinfo),
    urlQuery: Boolean(secrets.query),
    headers: Object.keys(secrets.headers ?? {}).sort(),
  };
}

export function sealSecrets(secrets: TargetSecrets): string | null {
  const present = secrets.userinfo || secrets.query || Object.keys(secrets.headers ?? {}).length > 0;
  return present ? encryptSecret(JSON.stringify(secrets), getAppSecret().value, PURPOSE) : null;
}

export function openSecrets(sealed: string | null): TargetSecrets {
  if (!sealed) return {};
  const parsed: unknown = JSON.parse(decryptSecret(sealed, getAppSecret().value, PURPOSE));
  return isObject(parsed) ? (parsed as TargetSecrets) : {};
}
