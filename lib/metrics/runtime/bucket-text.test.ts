// The bucket reader of the day cache against JSON.parse, on text as PostgreSQL prints jsonb.
import { describe, expect, it } from "vitest";
import { Buckets, scanBuckets } from "./bucket-text";

const read = (text: string) => {
  const into = new Buckets(2);
  scanBuckets(text, into);
  const { keys, counts } = into.done();
  return [...keys].map((k, i) => [k, counts[i]!]);
};
const parsed = (text: string) =>
  Object.entries(JSON.parse(text) as Record<string, number>).map(([k, v]) => [Number(k), v]);

describe("scanBuckets", () => {
  it("reads keys and counts as JSON.parse does, negative keys, fractions and exponents included", () => {
    for (const text of [
      "{}",
      '{"116": 3}',
      '{"-35": 2, "0": 1, "116": 3, "230": 1.5, "231": 1e+21, "232": 12345678901234567, "233": -4}',
      '{"1":2,"3":4}',
      ' { "7" : 8 } ',
    ]) {
      const expected = parsed(text).sort((a, b) => a[0]! - b[0]!);
      expect(
        read(text).sort((a, b) => a[0]! - b[0]!),
        text,
      ).toEqual(expected);
    }
  });

  it("keeps appending across objects and grows past its capacity", () => {
    const into = new Buckets(1);
    const texts = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ [i]: i + 1, [i + 1000]: 2 }).replace(/,/g, ", "),
    );
    for (const t of texts) scanBuckets(t, into);
    expect(into.length).toBe(100);
    const { keys, counts } = into.done();
    expect(keys[98]).toBe(49);
    expect(counts[98]).toBe(50);
    expect(keys[99]).toBe(1049);
  });

  it("refuses anything that is not a flat object of integer keys and numeric counts", () => {
    for (const text of ['{"a": 1}', '{"1": "x"}', '{"1": }', "[1, 2]", '{"1": {"2": 3}}', '{"1.5": 2}', '{"1": 2'])
      expect(() => scanBuckets(text, new Buckets()), text).toThrow(SyntaxError);
  });
});
