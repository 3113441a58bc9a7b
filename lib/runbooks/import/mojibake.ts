// Repairs UTF-8 that was decoded as Windows-1252 and saved again as UTF-8 ("âœ…" → "✅", "ðŸŽ‰" → "🎉").
// Works per character sequence (lead byte + continuation bytes), so correct text around it is left alone.

const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** The byte a Windows-1252 decoder turned into this character, or null if it did not come from one. */
function byteOf(char: string | undefined): number | null {
  if (char === undefined) return null;
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x80 && code <= 0xff) return code; // Latin-1 range, and C1 controls kept by lenient decoders
  return CP1252_HIGH[code] ?? null;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const isContinuation = (byte: number | null): byte is number => byte !== null && byte >= 0x80 && byte <= 0xbf;
const strict = new TextDecoder("utf-8", { fatal: true });

export type MojibakeRepair = { text: string; repaired: number; unrecoverable: number };

export function repairMojibake(input: string): MojibakeRepair {
  const chars = Array.from(input);
  let out = "";
  let repaired = 0;
  let unrecoverable = 0;
  for (let i = 0; i < chars.length; i++) {
    const lead = byteOf(chars[i]);
    const length = lead === null ? 0 : sequenceLength(lead);
    if (length === 0 || lead === null) {
      out += chars[i] ?? "";
      continue;
    }
    const bytes = [lead];
    let j = i + 1;
    while (bytes.length < length && j < chars.length && isContinuation(byteOf(chars[j])))
      bytes.push(byteOf(chars[j++]) as number);
    if (bytes.length === length) {
      try {
        out += strict.decode(Uint8Array.from(bytes));
        repaired++;
        i = j - 1;
        continue;
      } catch {
        // not a valid sequence: fall through and keep the character as written
      }
    } else if (length === 4 && bytes.length === 3 && bytes[1] === 0x9f) {
      // An emoji whose third byte (0x81/0x8D/0x8F/0x90/0x9D, undefined in Windows-1252) was dropped: not recoverable.
      out += "\uFFFD";
      unrecoverable++;
      i = j - 1;
      continue;
    }
    out += chars[i] ?? "";
  }
  return { text: out, repaired, unrecoverable };
}

/** True when the text shows the tell-tale pairs of mis-decoded UTF-8 (â€, âœ, ðŸ, Ã followed by a Latin-1 char). */
export function looksMisdecoded(text: string): boolean {
  return repairMojibake(text).repaired >= 2;
}
