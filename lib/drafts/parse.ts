// Turns a draft's Markdown into numbered blocks: headings open sections, every paragraph or list item
// gets the next number (1, 2, 3... continuous across the document, as IGF papers number theirs).
import MarkdownIt from "markdown-it";

export type BlockKind = "HEADING" | "PARAGRAPH" | "LIST_ITEM";

export interface DraftBlock {
  kind: BlockKind;
  /** heading level (1-6) for headings, list nesting depth (0-based) for list items */
  level: number;
  /** the block's Markdown source text (inline formatting kept, block markers removed) */
  text: string;
  /** continuous paragraph number; null for headings */
  number: number | null;
  /** title of the nearest heading above, if any */
  sectionTitle: string | null;
  position: number;
}

const md = new MarkdownIt({ html: false });

export function parseDraftMarkdown(source: string): DraftBlock[] {
  const tokens = md.parse(source.replace(/\r\n?/g, "\n"), {});
  const blocks: DraftBlock[] = [];
  let number = 0;
  let listDepth = -1;
  let inListItem = 0;
  let itemHasParagraph = false;
  let section: string | null = null;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    switch (token.type) {
      case "bullet_list_open":
      case "ordered_list_open":
        listDepth++;
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        listDepth--;
        break;
      case "list_item_open":
        inListItem++;
        itemHasParagraph = false;
        break;
      case "list_item_close":
        inListItem--;
        break;
      case "heading_open": {
        const inline = tokens[i + 1];
        const text = inline?.content.trim() ?? "";
        if (text) {
          section = text;
          blocks.push({ kind: "HEADING", level: Number(token.tag.slice(1)), text, number: null, sectionTitle: null, position: blocks.length });
        }
        break;
      }
      case "paragraph_open": {
        const inline = tokens[i + 1];
        const text = inline?.content.trim() ?? "";
        if (!text) break;
        // A list item's first paragraph is the item; further paragraphs in the item get their own number.
        const kind: BlockKind = inListItem > 0 && !itemHasParagraph ? "LIST_ITEM" : "PARAGRAPH";
        if (inListItem > 0) itemHasParagraph = true;
        number++;
        blocks.push({ kind, level: Math.max(listDepth, 0), text, number, sectionTitle: section, position: blocks.length });
        break;
      }
      case "fence":
      case "code_block":
      case "blockquote_open":
        if (token.type !== "blockquote_open") {
          const text = token.content.trim();
          if (text) {
            number++;
            blocks.push({ kind: "PARAGRAPH", level: 0, text, number, sectionTitle: section, position: blocks.length });
          }
        }
        break;
      default:
        break;
    }
  }
  return blocks;
}
