// Server actions are public endpoints: anyone can call one with any arguments, not only our forms. Each action
// states the kinds of its parameters on its first line (`expectArgs([id, _state, formData], ["string", "any",
// "form"])`; Next.js forbids `arguments` in actions); a call with anything else ends as a 404 ("no such action
// call") instead of a TypeError or a database error deep inside: a 500.
import { notFound } from "next/navigation";

export type ArgKind = "string" | "number" | "boolean" | "form" | "object" | "any";

/** Ids, slugs and other strings our forms bind are short; a megabyte "id" is not a call we make. */
const MAX_STRING_ARG = 1000;

function matches(value: unknown, kind: ArgKind): boolean {
  switch (kind) {
    case "any":
      return true;
    case "string":
      return typeof value === "string" && value.length <= MAX_STRING_ARG && !value.includes("\u0000");
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "form":
      return value instanceof FormData;
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof FormData);
  }
}

/** True when the arguments are what the action declares; otherwise the action answers 404 and does nothing. */
export function argsMatch(args: readonly unknown[], kinds: readonly ArgKind[]): boolean {
  return args.length === kinds.length && kinds.every((kind, i) => matches(args[i], kind));
}

export function expectArgs(args: readonly unknown[], kinds: readonly ArgKind[]): void {
  if (!argsMatch(args, kinds)) notFound();
}
