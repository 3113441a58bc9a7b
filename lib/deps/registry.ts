// Latest versions from the npm registry and PyPI's JSON API, fetched through the health checks' SSRF
// guard (every address vetted and pinned). Any failure — refused address, timeout, HTTP error,
// garbage — is a `{ ok: false }` result, which the comparison shows as "unknown".
import { z } from "zod";
import { sendHop } from "@/lib/health/checks/http-request";
import { resolveTarget, type HostLookup } from "@/lib/health/checks/resolve-target";
import type { Ecosystem } from "./manifests";

export type RegistryVersions =
  { ok: true; latest: string; published: Map<string, Date> } | { ok: false; error: string };
export type RegistryOptions = {
  npmUrl: string;
  pypiUrl: string;
  allowPrivate: boolean;
  timeoutMs?: number;
  maxBodyBytes?: number;
  lookup?: HostLookup;
};

const NpmPackument = z.object({
  "dist-tags": z.object({ latest: z.string().min(1) }),
  time: z.record(z.string(), z.string()).optional(),
});
const PypiProject = z.object({
  info: z.object({ version: z.string().min(1) }),
  releases: z
    .record(
      z.string(),
      z.array(z.object({ upload_time_iso_8601: z.string().nullish(), yanked: z.boolean().optional() })),
    )
    .optional(),
});

export function registryUrl(
  ecosystem: Ecosystem,
  name: string,
  opts: Pick<RegistryOptions, "npmUrl" | "pypiUrl">,
): URL {
  const base = (ecosystem === "npm" ? opts.npmUrl : opts.pypiUrl).replace(/\/+$/, "");
  // npm: "@scope/name" is one path segment with the slash escaped; PyPI: /<name>/json.
  return ecosystem === "npm"
    ? new URL(`${base}/${name.startsWith("@") ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`)
    : new URL(`${base}/${encodeURIComponent(name)}/json`);
}

async function getJson(url: URL, opts: RegistryOptions): Promise<unknown> {
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 10_000);
  const policy = { allowPrivate: opts.allowPrivate };
  const target = await resolveTarget(url, policy, opts.lookup);
  const res = await sendHop({
    url,
    target,
    policy,
    method: "GET",
    headers: { accept: "application/json", "user-agent": "steward-deps/1" },
    maxBodyBytes: opts.maxBodyBytes ?? 32 * 1024 * 1024,
    bodyRequired: true,
    signal,
  }).catch((error: unknown) => {
    throw signal.aborted ? new Error("registry timed out") : error;
  });
  if (res.status === 404) throw new Error("not found in the registry");
  if (res.status !== 200) throw new Error(`registry answered HTTP ${res.status}`);
  try {
    return JSON.parse(res.body.toString("utf8"));
  } catch {
    throw new Error("registry answered with something that is not JSON");
  }
}

export async function fetchRegistryVersions(
  ecosystem: Ecosystem,
  name: string,
  opts: RegistryOptions,
): Promise<RegistryVersions> {
  try {
    const data = await getJson(registryUrl(ecosystem, name, opts), opts);
    const published = new Map<string, Date>();
    if (ecosystem === "npm") {
      const p = NpmPackument.safeParse(data);
      if (!p.success) return { ok: false, error: "registry answer has no latest version" };
      for (const [v, at] of Object.entries(p.data.time ?? {}))
        if (v !== "created" && v !== "modified" && !Number.isNaN(Date.parse(at))) published.set(v, new Date(at));
      return { ok: true, latest: p.data["dist-tags"].latest, published };
    }
    const p = PypiProject.safeParse(data);
    if (!p.success) return { ok: false, error: "registry answer has no latest version" };
    for (const [v, files] of Object.entries(p.data.releases ?? {})) {
      const times = files
        .filter((f) => !f.yanked && f.upload_time_iso_8601)
        .map((f) => Date.parse(f.upload_time_iso_8601!))
        .filter((t) => !Number.isNaN(t));
      if (times.length) published.set(v, new Date(Math.min(...times)));
    }
    return { ok: true, latest: p.data.info.version, published };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error:
        /abort|timeout/i.test(message) || (error instanceof Error && error.name === "TimeoutError")
          ? "registry timed out"
          : message.slice(0, 200),
    };
  }
}
