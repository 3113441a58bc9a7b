/**
 * Parser for the Prometheus text exposition format 0.0.4 (and the OpenMetrics subset scrapers
 * meet in practice: `# EOF`, `# UNIT`). Written here because the npm candidates
 * (parse-prometheus-text-format, prom2javascript) are unmaintained, untyped, or keep values as
 * strings. Strict like Prometheus itself: a malformed line fails the whole scrape, with its line.
 */
export type MetricType = "counter" | "gauge" | "histogram" | "summary" | "untyped";

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  timestampMs?: number;
}

export interface MetricFamily {
  name: string;
  type: MetricType;
  help?: string;
  samples: Sample[];
}

export class PrometheusParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "PrometheusParseError";
  }
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES = new Set<MetricType>(["counter", "gauge", "histogram", "summary", "untyped"]);
const SUFFIXES: Record<string, string[]> = {
  histogram: ["_bucket", "_sum", "_count", "_created"],
  summary: ["_sum", "_count", "_created"],
  counter: ["_total", "_created"],
};

/** Go's ParseFloat accepts these spellings; JS Number() would also accept "", "0x1f" and " 1 ". */
export function parseValue(token: string): number | undefined {
  if (/^[+-]?inf(inity)?$/i.test(token)) return token.startsWith("-") ? -Infinity : Infinity;
  if (/^nan$/i.test(token)) return NaN;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token) ? Number(token) : undefined;
}

function unescape(s: string, quotes: boolean): string {
  return s.replace(quotes ? /\\([\\"n])/g : /\\([\\n])/g, (_, c: string) => (c === "n" ? "\n" : c));
}

/** Parses `{a="x",b="y\"z"}`; returns the labels and the rest of the line. */
function parseLabels(text: string, line: number): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let s = text.slice(1).trimStart();
  while (!s.startsWith("}")) {
    const name = LABEL_NAME.exec(s)?.[0];
    if (!name) throw new PrometheusParseError(line, `bad label name near ${JSON.stringify(s.slice(0, 20))}`);
    s = s.slice(name.length).trimStart();
    const value = /^=\s*"((?:[^"\\]|\\.)*)"/.exec(s);
    if (!value) throw new PrometheusParseError(line, `label ${name} needs ="value"`);
    if (Object.hasOwn(labels, name)) throw new PrometheusParseError(line, `duplicate label ${name}`);
    labels[name] = unescape(value[1] ?? "", true);
    s = s.slice(value[0].length).trimStart();
    if (s.startsWith(",")) s = s.slice(1).trimStart();
    else if (!s.startsWith("}")) throw new PrometheusParseError(line, "expected , or } after a label");
  }
  return { labels, rest: s.slice(1) };
}

function parseSample(text: string, line: number): Sample {
  const name = NAME.exec(text)?.[0];
  if (!name) throw new PrometheusParseError(line, `bad metric name in ${JSON.stringify(text.slice(0, 40))}`);
  let rest = text.slice(name.length);
  let labels: Record<string, string> = {};
  if (rest.startsWith("{")) ({ labels, rest } = parseLabels(rest, line));
  const tokens = rest.trim().split(/[ \t]+/);
  const value = parseValue(tokens[0] ?? "");
  if (value === undefined || tokens.length > 2)
    throw new PrometheusParseError(line, `bad value ${JSON.stringify(rest.trim())}`);
  const sample: Sample = { name, labels, value };
  if (tokens[1] !== undefined) {
    if (!/^-?\d+(\.\d+)?$/.test(tokens[1])) throw new PrometheusParseError(line, `bad timestamp ${tokens[1]}`);
    sample.timestampMs = Math.round(Number(tokens[1]) * (tokens[1].includes(".") ? 1000 : 1)); // OpenMetrics uses seconds
  }
  return sample;
}

/** Finds the declared family a sample belongs to (`x_bucket` → histogram `x`). */
function familyOf(name: string, families: Map<string, MetricFamily>): MetricFamily {
  const exact = families.get(name);
  if (exact) return exact;
  for (const [type, suffixes] of Object.entries(SUFFIXES)) {
    for (const suffix of suffixes) {
      const base = name.endsWith(suffix) ? families.get(name.slice(0, -suffix.length)) : undefined;
      if (base?.type === type) return base;
    }
  }
  const created: MetricFamily = { name, type: "untyped", samples: [] };
  families.set(name, created);
  return created;
}

function declared(families: Map<string, MetricFamily>, name: string): MetricFamily {
  const found = families.get(name) ?? { name, type: "untyped", samples: [] };
  families.set(name, found);
  return found;
}

export function parsePrometheusText(text: string): MetricFamily[] {
  const families = new Map<string, MetricFamily>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, "").trim();
    if (line === "") continue;
    if (line === "# EOF") break;
    if (line.startsWith("#")) {
      const m = /^#\s*(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\s+(.*))?$/.exec(line);
      if (!m) continue; // ordinary comment
      const family = declared(families, m[2]!);
      if (m[1] === "HELP") family.help = unescape(m[3] ?? "", false);
      else {
        const type = (m[3] ?? "").trim() as MetricType;
        if (!TYPES.has(type)) throw new PrometheusParseError(i + 1, `unknown type ${JSON.stringify(m[3] ?? "")}`);
        if (family.samples.length > 0) throw new PrometheusParseError(i + 1, `TYPE for ${m[2]} after its samples`);
        family.type = type;
      }
      continue;
    }
    const sample = parseSample(line, i + 1);
    familyOf(sample.name, families).samples.push(sample);
  }
  return [...families.values()];
}
