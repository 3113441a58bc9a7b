import { describe, expect, it } from "vitest";
import { histogramQuantile } from "./histogram-quantile";
import { parsePrometheusText, parseValue, PrometheusParseError } from "./prometheus-parser";

const TEXT = `# A plain comment is ignored
# HELP api_http_requests_total Requests \\\\ by "code"\\nsecond line
# TYPE api_http_requests_total counter
api_http_requests_total{method="post",code="200"} 1027 1395066363000
api_http_requests_total{ method = "post" , code="400", } 3 1395066363000
# TYPE msdos_file_access_time_seconds gauge
msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
# TYPE temp gauge
temp{room="a"} +Inf
temp{room="b"} -Inf
temp{room="c"} NaN
metric_without_timestamp_and_labels 12.47
# TYPE rpc_duration_seconds summary
rpc_duration_seconds{quantile="0.5"} 4773
rpc_duration_seconds_sum 1.7560473e+07
rpc_duration_seconds_count 2693
# TYPE req_seconds histogram
req_seconds_bucket{le="0.1"} 2
req_seconds_bucket{le="+Inf"} 3
req_seconds_sum 0.4
req_seconds_count 3
\t
# EOF
after_eof 1
`;

describe("parsePrometheusText", () => {
  const families = parsePrometheusText(TEXT);
  const family = (name: string) => families.find((f) => f.name === name);

  it("reads HELP and TYPE with their escapes", () => {
    expect(family("api_http_requests_total")).toMatchObject({
      type: "counter",
      help: 'Requests \\ by "code"\nsecond line',
    });
  });

  it("reads labels (with whitespace, trailing comma and escapes), values and timestamps", () => {
    expect(family("api_http_requests_total")?.samples).toEqual([
      {
        name: "api_http_requests_total",
        labels: { method: "post", code: "200" },
        value: 1027,
        timestampMs: 1395066363000,
      },
      {
        name: "api_http_requests_total",
        labels: { method: "post", code: "400" },
        value: 3,
        timestampMs: 1395066363000,
      },
    ]);
    expect(family("msdos_file_access_time_seconds")?.samples[0]).toEqual({
      name: "msdos_file_access_time_seconds",
      labels: { path: "C:\\DIR\\FILE.TXT", error: 'Cannot find file:\n"FILE.TXT"' },
      value: 1458255915,
    });
  });

  it("reads +Inf, -Inf and NaN; untyped metrics get their own family", () => {
    expect(family("temp")?.samples.map((s) => s.value)).toEqual([Infinity, -Infinity, NaN]);
    expect(family("metric_without_timestamp_and_labels")).toMatchObject({
      type: "untyped",
      samples: [{ value: 12.47, labels: {} }],
    });
  });

  it("groups summary and histogram series under their family, and stops at # EOF", () => {
    expect(family("rpc_duration_seconds")?.samples.map((s) => s.name)).toEqual([
      "rpc_duration_seconds",
      "rpc_duration_seconds_sum",
      "rpc_duration_seconds_count",
    ]);
    expect(family("req_seconds")?.samples.map((s) => s.name)).toEqual([
      "req_seconds_bucket",
      "req_seconds_bucket",
      "req_seconds_sum",
      "req_seconds_count",
    ]);
    expect(family("after_eof")).toBeUndefined();
  });

  it.each([
    ['metric{a="1" 1', "line 1: expected , or } after a label"],
    ["metric{a=1} 1", 'line 1: label a needs ="value"'],
    ['metric{a="1",a="2"} 1', "line 1: duplicate label a"],
    ["metric 0x1f", 'line 1: bad value "0x1f"'],
    ["metric", 'line 1: bad value ""'],
    ["metric 1 2 3", 'line 1: bad value "1 2 3"'],
    ["metric 1 soon", "line 1: bad timestamp soon"],
    ["9metric 1", 'line 1: bad metric name in "9metric 1"'],
    ["# TYPE m gauge\nm 1\n# TYPE m counter", "line 3: TYPE for m after its samples"],
    ["# TYPE m bogus", 'line 1: unknown type "bogus"'],
  ])("rejects %j", (text, message) => {
    expect(() => parsePrometheusText(text)).toThrow(PrometheusParseError);
    expect(() => parsePrometheusText(text)).toThrow(message);
  });
});

describe("parseValue", () => {
  it.each([
    ["1", 1],
    ["-1.5e-3", -0.0015],
    [".5", 0.5],
    ["+Inf", Infinity],
    ["inf", Infinity],
    ["-Inf", -Infinity],
    ["", undefined],
    ["0x10", undefined],
    ["1_000", undefined],
  ])("%j → %s", (token, value) => expect(parseValue(token)).toBe(value));
});

describe("histogramQuantile (Prometheus semantics)", () => {
  // Cumulative: 10 ≤ 0.1, 30 ≤ 0.2, 40 ≤ +Inf.
  const buckets = [
    { upperBound: 0.2, count: 30 },
    { upperBound: Infinity, count: 40 },
    { upperBound: 0.1, count: 10 },
  ];

  it.each([
    [0.25, 0.1], // rank 10 → exactly the top of bucket 1
    [0.5, 0.15], // rank 20: 0.1 + 0.1 × (20−10)/(30−10)
    [0.125, 0.05], // rank 5 in the first bucket, interpolated from 0
    [0.9, 0.2], // rank 36 lands in +Inf → highest finite bound
    [1.5, Infinity],
    [-1, -Infinity],
  ])("q=%s → %s", (q, expected) => expect(histogramQuantile(q, buckets)).toBeCloseTo(expected, 10));

  it("is NaN without a +Inf bucket or without observations, and does not mutate its input", () => {
    expect(histogramQuantile(0.5, [{ upperBound: 1, count: 3 }])).toBeNaN();
    expect(
      histogramQuantile(0.5, [
        { upperBound: 1, count: 0 },
        { upperBound: Infinity, count: 0 },
      ]),
    ).toBeNaN();
    const dipping = [
      { upperBound: 1, count: 5 },
      { upperBound: 2, count: 4 },
      { upperBound: Infinity, count: 5 },
    ];
    expect(histogramQuantile(0.5, dipping)).toBeCloseTo(0.5, 10); // flattened to 5,5,5
    expect(dipping[1]?.count).toBe(4);
  });
});
