// Markdown from people (updates, notes, postmortems) to sanitized HTML: remark → rehype → sanitize
// (GitHub's schema: no script, no event handlers, no javascript: URLs).
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

export function renderMarkdown(source: string): string {
  return String(processor.processSync(source));
}
