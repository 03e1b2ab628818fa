// The shape checks every request passes before it reaches a page, a route handler or a server action (proxy.ts):
// what cannot be a valid request gets a 4xx here instead of an exception deeper down. Pure: no I/O, unit-tested.
//
// - paths and queries must be valid percent-encoded UTF-8 without control characters (Postgres cannot store NUL,
//   and Next.js cannot decode "%ff");
// - server-action POSTs must come from this site (Origin), carry a declared length within the limit of the page
//   they are posted to (60 MB only where attachments are uploaded), a content type React sends, and, for text
//   bodies, well-formed UTF-8 JSON that is not absurdly deep;
// - no text field of any form or action may contain NUL.

export type RejectionReason =
  | "malformedPath"
  | "malformedQuery"
  | "crossOrigin"
  | "lengthRequired"
  | "tooLarge"
  | "unsupportedType"
  | "malformedBody";

export interface Rejection {
  status: 400 | 403 | 411 | 413 | 415;
  reason: RejectionReason;
}

const STATUS: Record<RejectionReason, Rejection["status"]> = {
  malformedPath: 400,
  malformedQuery: 400,
  crossOrigin: 403,
  lengthRequired: 411,
  tooLarge: 413,
  unsupportedType: 415,
  malformedBody: 400,
};

export function reject(reason: RejectionReason): Rejection {
  return { status: STATUS[reason], reason };
}

const MB = 1024 * 1024;

/** Server-action body limits by the page an action is posted to; everything else gets the smallest. */
export const ACTION_BODY_LIMITS: readonly { pattern: RegExp; bytes: number; why: string }[] = [
  // Five attachments of 10 MB each, plus the text and multipart overhead.
  { pattern: /^\/consultations\/[^/]+\/contribute\/?$/, bytes: 60 * MB, why: "contribution attachments" },
  // One uploaded draft (DOCX or Markdown, 10 MB) or one import file.
  { pattern: /^\/secretariat\/consultations\/[^/]+\/(drafts(\/[^/]+)?|import)\/?$/, bytes: 12 * MB, why: "draft documents and import files" },
];
export const DEFAULT_ACTION_BODY_LIMIT = 1 * MB;
/** The largest limit: next.config.js sets Next.js's own (global) server-action limit and the proxy's buffer to it. */
export const MAX_ACTION_BODY_BYTES = Math.max(DEFAULT_ACTION_BODY_LIMIT, ...ACTION_BODY_LIMITS.map((l) => l.bytes));

export function actionBodyLimit(pathname: string): number {
  return ACTION_BODY_LIMITS.find((l) => l.pattern.test(pathname))?.bytes ?? DEFAULT_ACTION_BODY_LIMIT;
}

/** Longest path or query we answer; real ones are far shorter. */
const MAX_URL_PART = 4096;
// Control characters, except that a query may hold tabs and line breaks (a pasted search).
const PATH_CONTROL = /[\u0000-\u001f\u007f]/;
const QUERY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function decodes(part: string, control: RegExp): boolean {
  try {
    return !control.test(decodeURIComponent(part));
  } catch {
    return false;
  }
}

/** `rawPath` and `rawSearch` as sent (still percent-encoded), e.g. from `new URL(request.url)`. */
export function checkUrl(rawPath: string, rawSearch: string): Rejection | null {
  if (rawPath.length > MAX_URL_PART || !decodes(rawPath, PATH_CONTROL)) return reject("malformedPath");
  const query = rawSearch.startsWith("?") ? rawSearch.slice(1) : rawSearch;
  if (query.length > MAX_URL_PART) return reject("malformedQuery");
  for (const pair of query.split("&")) {
    for (const part of pair.split("=")) if (!decodes(part.replace(/\+/g, " "), QUERY_CONTROL)) return reject("malformedQuery");
  }
  return null;
}

export interface RequestHead {
  method: string;
  pathname: string;
  /** lower-cased header lookup */
  header(name: string): string | null;
}

/** Server actions are POSTs to pages (fetch actions carry Next-Action; forms without JavaScript post multipart). */
export function isActionRequest(head: RequestHead): boolean {
  return head.method === "POST" && !head.pathname.startsWith("/api/") && !head.pathname.startsWith("/_next/");
}

/** The host the browser addressed, as Next.js compares it (a proxy in front may set X-Forwarded-Host). */
function requestHost(head: RequestHead): string | null {
  const forwarded = head.header("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || head.header("host");
}

/** Origin, length and content type of an action POST; null when it may go on to have its body checked. */
export function checkActionHead(head: RequestHead): Rejection | null {
  const origin = head.header("origin");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = origin === "null" ? null : new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== requestHost(head)) return reject("crossOrigin");
  }
  const length = head.header("content-length");
  if (length === null || !/^\d{1,12}$/.test(length)) return reject("lengthRequired");
  if (Number(length) > actionBodyLimit(head.pathname)) return reject("tooLarge");
  const type = (head.header("content-type") ?? "").toLowerCase();
  const isFetch = head.header("next-action") !== null;
  const allowed = type.startsWith("multipart/form-data") || (isFetch ? type.startsWith("text/plain") : type.startsWith("application/x-www-form-urlencoded"));
  if (!allowed) return reject("unsupportedType");
  return null;
}

/** Nesting deeper than any argument our actions take; React's decoder recurses, so a 5,000-deep body must stop here. */
export const MAX_JSON_DEPTH = 64;
/** Next.js refuses more arguments than this by throwing; refuse it here with a 400. */
const MAX_ARGUMENTS = 1000;

/** Depth of a JSON text's nesting, counted without parsing (a recursive parser is what deep nesting attacks). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

function hasNul(value: unknown): boolean {
  // Iterative: the depth is already bounded, but this never recurses on untrusted data anyway.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (item.includes("\u0000")) return true;
    } else if (Array.isArray(item)) {
      stack.push(...item);
    } else if (typeof item === "object" && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        if (key.includes("\u0000")) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

/** Well-formed UTF-8, or null. */
export function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A fetch action's text body: the JSON-encoded argument list React sends. */
export function checkActionJson(text: string): Rejection | null {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return reject("malformedBody");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return reject("malformedBody");
  }
  if (!Array.isArray(value) || value.length > MAX_ARGUMENTS || hasNul(value)) return reject("malformedBody");
  return null;
}

/** The text fields of a multipart or URL-encoded body (files are binary and may hold anything). */
export function checkFormFields(fields: Iterable<[string, string]>): Rejection | null {
  for (const [name, value] of fields) {
    if (name.includes("\u0000") || value.includes("\u0000")) return reject("malformedBody");
    // React encodes a fetch action's arguments in field "0" (and references in "1", "2"...) as JSON.
    if (/^\d+$/.test(name) && (value.startsWith("[") || value.startsWith("{")) && checkActionJson(value.startsWith("[") ? value : `[${value}]`)) {
      return reject("malformedBody");
    }
  }
  return null;
}
