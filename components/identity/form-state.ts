// The answer of the identity forms' server actions (group claims and the secretariat's decisions).
export type IdentityFormState =
  | { status: "idle" }
  | { status: "saved"; message: string }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: Record<string, string> };
