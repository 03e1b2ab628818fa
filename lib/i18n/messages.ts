// Message catalogues: messages/<locale>/<concern>.json, merged per language at first use.
// Adding a concern's strings means adding its three files; nothing to register here.
import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { LOCALES, type Locale } from "./config";

export type Messages = Record<string, unknown>;

function load(locale: Locale): Messages {
  const dir = path.join(process.cwd(), "messages", locale);
  const out: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const part = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Messages;
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`i18n: namespace "${key}" is defined twice (messages/${locale}/${file})`);
      out[key] = value;
    }
  }
  return out;
}

let cache: Record<Locale, Messages> | undefined;

export function catalogues(): Record<Locale, Messages> {
  // Re-read in development so edited strings show without a restart.
  if (!cache || process.env.NODE_ENV === "development") {
    cache = Object.fromEntries(LOCALES.map((l) => [l, load(l)])) as Record<Locale, Messages>;
  }
  return cache;
}

/** Every key path of a nested catalogue, e.g. "home.title". */
export function flattenKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    flattenKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}
