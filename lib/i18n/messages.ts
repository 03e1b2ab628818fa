// Message catalogues, one JSON file per concern and language, merged per language.
// Loaded statically so a missing file is a build error, not a runtime one.
// To add a concern: create messages/{en,fr,ar}/<concern>.json and add one line per language below.
import enCore from "../../messages/en/core.json";
import frCore from "../../messages/fr/core.json";
import arCore from "../../messages/ar/core.json";
import type { Locale } from "./config";

const PARTS: Record<Locale, object[]> = {
  en: [enCore],
  fr: [frCore],
  ar: [arCore],
};

export type Messages = Record<string, unknown>;

function merge(parts: object[]): Messages {
  const out: Messages = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`i18n: namespace "${key}" is defined in two catalogue files`);
      out[key] = value;
    }
  }
  return out;
}

export const CATALOGUES: Record<Locale, Messages> = { en: merge(PARTS.en), fr: merge(PARTS.fr), ar: merge(PARTS.ar) };

/** Every key path of a nested catalogue, e.g. "home.title". */
export function flattenKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    flattenKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}
