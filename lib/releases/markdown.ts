// Untrusted Markdown (release notes, tag messages, the changelog draft) to sanitized HTML.
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

/** Raw HTML in the Markdown is dropped (remark-rehype without allowDangerousHtml), then GitHub's sanitize schema applies. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown.slice(0, 100_000)));
}
