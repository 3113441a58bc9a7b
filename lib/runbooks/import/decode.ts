// Turns uploaded bytes or pasted text into clean markdown, or a clear 4xx: empty, too large, not UTF-8, binary.
import { ApiError } from "@/lib/errors";
import { repairMojibake } from "./mojibake";

export const MAX_MARKDOWN_BYTES = 1024 * 1024;

export type CleanText = { text: string; warnings: string[] };

export function decodeMarkdownBytes(bytes: Uint8Array): CleanText {
  if (bytes.byteLength > MAX_MARKDOWN_BYTES) throw tooLarge();
  if (looksBinary(bytes)) throw binary();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(
      415,
      "unsupported_media_type",
      "The file is not UTF-8 text. Save it as UTF-8 and import it again.",
    );
  }
  return cleanMarkdownText(text);
}

export function cleanMarkdownText(raw: string): CleanText {
  if (Buffer.byteLength(raw, "utf8") > MAX_MARKDOWN_BYTES) throw tooLarge();
  if (/[\0\uFFFE\uFFFF]/.test(raw) || controlRatio(raw) > 0.01) throw binary();
  let text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new ApiError(400, "bad_request", "The markdown is empty.");
  const warnings: string[] = [];
  const repair = repairMojibake(text);
  if (repair.repaired >= 2) {
    text = repair.text;
    warnings.push(`Repaired ${repair.repaired} characters of mis-decoded UTF-8 (for example "âœ…" → "✅").`);
    if (repair.unrecoverable > 0)
      warnings.push(`${repair.unrecoverable} mis-decoded characters had lost a byte and were replaced by "\uFFFD".`);
  }
  return { text, warnings };
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}

/** Share of C0 control characters other than tab/newline/carriage return/form feed. */
function controlRatio(text: string): number {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x20 && code !== 9 && code !== 10 && code !== 13 && code !== 12) controls++;
  }
  return controls / sample.length;
}

const tooLarge = () => new ApiError(413, "payload_too_large", "The markdown is larger than 1 MiB.");
const binary = () => new ApiError(415, "unsupported_media_type", "This looks like a binary file, not markdown text.");
