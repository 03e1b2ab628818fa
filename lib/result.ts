// The typed result every service returns to server actions and route handlers.
export type FieldErrors = Record<string, string[] | undefined>;

export type Result<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: FieldErrors; status?: number };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(error: string, fieldErrors?: FieldErrors, status = 400): { ok: false; error: string; fieldErrors?: FieldErrors; status: number } {
  return { ok: false, error, fieldErrors, status };
}
