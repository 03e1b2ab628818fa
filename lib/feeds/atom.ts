// Atom 1.0 (RFC 4287) documents: pure, so the feed's shape is tested without a database.

export interface AtomEntry {
  /** a stable, unique IRI: the tag: URI of what the entry announces */
  id: string;
  title: string;
  link: string;
  updated: Date;
  summary?: string;
  author?: string;
  /** the language of the entry's title and summary, when it differs from the feed's */
  lang?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** the HTML page the feed is about */
  link: string;
  /** the feed's own URL */
  self: string;
  updated: Date;
  lang: string;
  entries: AtomEntry[];
}

// Characters XML 1.0 forbids are dropped; &, <, > and quotes are escaped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(value: string): string {
  return value.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function entryXml(e: AtomEntry): string {
  return [
    `  <entry${e.lang ? ` xml:lang="${xmlEscape(e.lang)}"` : ""}>`,
    `    <id>${xmlEscape(e.id)}</id>`,
    `    <title type="text">${xmlEscape(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>`,
    `    <updated>${e.updated.toISOString()}</updated>`,
    e.author ? `    <author><name>${xmlEscape(e.author)}</name></author>` : "",
    e.summary ? `    <summary type="text">${xmlEscape(e.summary)}</summary>` : "",
    "  </entry>",
  ].filter(Boolean).join("\n");
}

export function atomXml(feed: AtomFeed): string {
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(feed.lang)}">`,
    `  <id>${xmlEscape(feed.id)}</id>`,
    `  <title type="text">${xmlEscape(feed.title)}</title>`,
    feed.subtitle ? `  <subtitle type="text">${xmlEscape(feed.subtitle)}</subtitle>` : "",
    `  <link rel="alternate" type="text/html" href="${xmlEscape(feed.link)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.self)}"/>`,
    `  <updated>${feed.updated.toISOString()}</updated>`,
    `  <author><name>${xmlEscape(feed.title)}</name></author>`,
    ...feed.entries.map(entryXml),
    `</feed>`,
    "",
  ].filter(Boolean).join("\n");
}
