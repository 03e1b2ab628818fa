// Safe Markdown rendering for everything users write: no raw HTML, no scripts, links marked nofollow ugc.
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// Second line of defence: even if the parser let something through, only these survive.
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "strong", "em", "del", "s", "blockquote", "code", "pre", "ul", "ol", "li", "a", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], ol: ["start"], th: ["style"], td: ["style"] },
  allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "nofollow ugc noopener" } }),
    // Users' headings must not compete with the page's own structure.
    h1: "h3",
    h2: "h4",
  },
};

export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), SANITIZE);
}

/** Plain text of a Markdown source, for excerpts and search snippets. */
export function markdownToText(source: string): string {
  return sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Plain text of a Markdown source with one block (paragraph, heading, list item, cell) per paragraph, separated by a
 * blank line: for comparing two versions as a reader sees them rather than as Markdown.
 */
export function markdownToBlocks(source: string): string {
  const blocks: string[] = [];
  for (const token of md.parse(source, {})) {
    if (token.type === "code_block" || token.type === "fence") {
      blocks.push(token.content.replace(/\n+$/, ""));
      continue;
    }
    if (token.type !== "inline") continue;
    const text = (token.children ?? [])
      .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" || c.type === "hardbreak" ? " " : ""))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    if (text) blocks.push(text);
  }
  return blocks.join("\n\n");
}
