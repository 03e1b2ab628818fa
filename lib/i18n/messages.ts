// Message catalogues, loaded statically so a missing file is a build error, not a runtime one.
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";
import ar from "../../messages/ar.json";
import type { Locale } from "./config";

export type Messages = typeof en;

export const CATALOGUES: Record<Locale, Messages> = { en, fr, ar };

/** Every key path of a nested catalogue, e.g. "home.title". */
export function flattenKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    flattenKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}
