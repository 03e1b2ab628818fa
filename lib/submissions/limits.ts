// Limits on a contribution, shared by the form (hints, client checks) and the server (the rules).
export const TITLE_MAX = 200;
export const BODY_MIN = 20;
/** Characters of Markdown; a full policy paper fits, a 20 MB paste does not. */
export const BODY_MAX = 100_000;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const FILENAME_MAX = 200;
export const PAGE_SIZE = 20;
export const SEARCH_MAX = 200;
