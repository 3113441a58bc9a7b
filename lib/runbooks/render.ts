// Guidance markdown → sanitized HTML (rehype-sanitize's GitHub schema strips scripts, handlers and raw HTML tricks).
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeSanitize)
  .use(rehypeStringify);

export function renderGuidance(markdown: string): string {
  if (!markdown.trim()) return "";
  return String(processor.processSync(markdown));
}
