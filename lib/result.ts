// The one result shape every service returns to server actions, route handlers and scripts, and the one way to
// turn a zod error into field errors. Pure (no server-only): client forms read field errors with the same helper.
import type { z } from "zod";

/** { field: [i18n key, ...] }; "form" holds what belongs to no single field. */
export type FieldErrors = Record<string, string[] | undefined>;

/** Who changed an item first, when a write lost a race (null: its author, or nobody we can name). */
export interface Conflict {
  by: string | null;
  /** the item's status as it now stands */
  status: string;
}

/**
 * A refused request. `error` is an i18n key, `status` the HTTP status it maps to; `params` fill the message
 * ({cap}, {count}, {detail}...); `detail` carries a concern's structured report (e.g. an import's row report).
 */
export interface Failure<Detail = never> {
  ok: false;
  error: string;
  status: number;
  fieldErrors?: FieldErrors;
  params?: Record<string, string | number>;
  conflict?: Conflict;
  detail?: Detail;
}

export type Result<T, Detail = never> = { ok: true; data: T } | Failure<Detail>;

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

export function fail<Detail = never>(
  error: string,
  fieldErrors?: FieldErrors,
  status = 400,
  extra: { params?: Record<string, string | number>; conflict?: Conflict; detail?: Detail } = {},
): Failure<Detail> {
  return {
    ok: false,
    error,
    status,
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(extra.params ? { params: extra.params } : {}),
    ...(extra.conflict ? { conflict: extra.conflict } : {}),
    ...(extra.detail !== undefined ? { detail: extra.detail } : {}),
  };
}

/** Our schemas' messages are i18n keys (one camelCase word); zod's own English sentences are not. */
const I18N_KEY = /^[a-zA-Z][a-zA-Z0-9]*$/;

/**
 * Turns a zod error into { field: [i18nKey, ...] }, one message per key and field, keyed by the first path segment.
 * A message of zod's own (a wrong type sent by something other than our forms) becomes "invalidRequest".
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    const message = I18N_KEY.test(issue.message) ? issue.message : "invalidRequest";
    const list = (out[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}
