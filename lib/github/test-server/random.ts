/** Seeded randomness, ids and timestamps: every generated value comes through here. */

/** 32-bit FNV-1a over a string: cheap, stable across runs and platforms. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  /** Distinct picks, in list order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    const n = Math.min(count, items.length);
    while (chosen.size < n) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
  }
  hex(length: number): string {
    let out = "";
    while (out.length < length)
      out += Math.floor(this.next() * 0x100000000)
        .toString(16)
        .padStart(8, "0");
    return out.slice(0, length);
  }
}

/** An independent stream per purpose, so lazily generated parts don't depend on access order. */
export function rngFor(seed: number, ...salt: (string | number)[]): Rng {
  return new Rng(hash32(`${seed}|${salt.join("|")}`));
}

export const DAY = 86_400_000;

const dayPrefix = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** GitHub timestamps: whole seconds, `Z`, no milliseconds. (Hot path: the date part is cached.) */
export function iso(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor(seconds / 86_400);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefix.set(day, prefix);
  }
  const rest = seconds - day * 86_400;
  return `${prefix}${pad2(Math.floor(rest / 3600))}:${pad2(Math.floor((rest % 3600) / 60))}:${pad2(rest % 60)}Z`;
}

export function ms(value: string): number {
  return Date.parse(value);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** base64url of an ASCII string without allocating Buffers (hot path: every generated object has an id). */
function base64url(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64.charAt(n >> 18) + B64.charAt((n >> 12) & 63);
    if (i + 1 < text.length) out += B64.charAt((n >> 6) & 63);
    if (i + 2 < text.length) out += B64.charAt(n & 63);
  }
  return out;
}

/** Opaque global node id in GitHub's new format (`I_kwDO…`); the payload is ours. */
export function nodeId(prefix: string, ...parts: (string | number)[]): string {
  const payload = parts.join(":");
  return `${prefix}_kwDO${/^[\x00-\x7f]*$/.test(payload) ? base64url(payload) : Buffer.from(payload).toString("base64url")}`;
}

export function parseNodeId(id: string): { prefix: string; parts: string[] } | null {
  const at = id.indexOf("_kwDO");
  if (at <= 0) return null;
  const parts = Buffer.from(id.slice(at + 5), "base64url")
    .toString("utf8")
    .split(":");
  return { prefix: id.slice(0, at), parts };
}

export function fakeSha(seed: number, ...salt: (string | number)[]): string {
  return rngFor(seed, "sha", ...salt).hex(40);
}
