// A sketch's buckets read straight from PostgreSQL's text of a jsonb object ({"116": 3, "-4": 1.5})
// into typed arrays: the day cache (days.ts) reads ~90,000 buckets per day at 1,000 targets,
// and JSON.parse followed by a walk over each object's numeric keys cost ~30 ms a day in parsing and
// as much again in garbage collection.

/** Bucket keys and counts appended to growing typed arrays. */
export class Buckets {
  private keyArray: Int32Array;
  private countArray: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.keyArray = new Int32Array(Math.max(16, capacity));
    this.countArray = new Float64Array(Math.max(16, capacity));
  }

  push(key: number, count: number): void {
    if (this.length === this.keyArray.length) {
      const keys = new Int32Array(this.length * 2);
      keys.set(this.keyArray);
      const counts = new Float64Array(this.length * 2);
      counts.set(this.countArray);
      this.keyArray = keys;
      this.countArray = counts;
    }
    this.keyArray[this.length] = key;
    this.countArray[this.length++] = count;
  }

  /** The keys and counts pushed (views of the arrays: size the capacity well). */
  done(): { keys: Int32Array; counts: Float64Array } {
    return { keys: this.keyArray.subarray(0, this.length), counts: this.countArray.subarray(0, this.length) };
  }
}

const QUOTE = 34;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const COMMA = 44;
const CLOSE = 125;
const SPACE = 32;
const COLON = 58;

/**
 * Appends the buckets of `text`, a flat JSON object of integer keys and numeric counts as PostgreSQL
 * prints jsonb, to `into`. Anything else (it never is) throws, so a changed format cannot be misread.
 */
export function scanBuckets(text: string, into: Buckets): void {
  const end = text.length;
  let i = 0;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  if (text.charCodeAt(i) !== 123) throw new SyntaxError(`not a bucket object: ${text.slice(0, 40)}`);
  i++;
  for (;;) {
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    let c = text.charCodeAt(i);
    if (c === CLOSE) return;
    if (c !== QUOTE) throw new SyntaxError(`bad bucket key at ${i}: ${text.slice(i, i + 20)}`);
    i++;
    let negative = false;
    if (text.charCodeAt(i) === MINUS) {
      negative = true;
      i++;
    }
    const keyStart = i;
    let key = 0;
    while ((c = text.charCodeAt(i)) >= ZERO && c <= NINE) {
      key = key * 10 + (c - ZERO);
      i++;
    }
    if (c !== QUOTE || i === keyStart || i - keyStart > 9) throw new SyntaxError(`bad bucket key at ${keyStart}`);
    i++;
    while (text.charCodeAt(i) === SPACE) i++;
    if (text.charCodeAt(i) !== COLON) throw new SyntaxError(`no colon at ${i}`);
    i++;
    while (text.charCodeAt(i) === SPACE) i++;
    // The count: whole numbers digit by digit, anything else (fraction, exponent, sign) by Number().
    const valueStart = i;
    let value = 0;
    while ((c = text.charCodeAt(i)) >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      i++;
    }
    if (c !== COMMA && c !== CLOSE && c !== SPACE) {
      while (i < end && (c = text.charCodeAt(i)) !== COMMA && c !== CLOSE) i++;
      value = Number(text.slice(valueStart, i));
    } else if (i - valueStart > 15) value = Number(text.slice(valueStart, i)); // beyond exact digit sums
    if (i === valueStart || !Number.isFinite(value)) throw new SyntaxError(`bad bucket count at ${valueStart}`);
    into.push(negative ? -key : key, value);
    while (text.charCodeAt(i) === SPACE) i++;
    if (text.charCodeAt(i) === COMMA) i++;
    else if (text.charCodeAt(i) !== CLOSE) throw new SyntaxError(`bad separator at ${i}`);
  }
}
