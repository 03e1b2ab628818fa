// Password strength with zxcvbn-ts and its offline dictionaries (common passwords, English and French words, names,
// keyboard patterns): a weak password is refused with the reason, not only a length rule. Server-only: the
// dictionaries weigh about a megabyte and never reach the browser.
import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import * as french from "@zxcvbn-ts/language-fr";

/** zxcvbn's score runs 0-4; 3 is "safely unguessable: moderate protection from an offline slow-hash attack". */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  // No translations: feedback comes back as plain keys (topTen, commonNames...), which our catalogues translate.
  factory ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary, ...french.dictionary },
    useLevenshteinDistance: false,
  });
  return factory;
}

export interface StrengthVerdict {
  ok: boolean;
  score: number;
  /**
   * i18n keys under accounts.strength: the warning first ("commonWords"), then suggestions; "tooWeak" when zxcvbn has
   * no specific warning.
   */
  reasons: string[];
}

/** Judges a password; `related` are the person's own words (email, name, organisation), which make it guessable. */
export function passwordStrength(password: string, related: string[] = []): StrengthVerdict {
  const inputs = related.flatMap((value) => value.toLowerCase().split(/[\s@.+_-]+/)).filter((word) => word.length >= 3);
  const result = zxcvbn().check(password.slice(0, 128), inputs);
  const ok = result.score >= MIN_PASSWORD_SCORE;
  if (ok) return { ok, score: result.score, reasons: [] };
  const reasons = [result.feedback.warning ? `warning.${result.feedback.warning}` : "tooWeak", ...result.feedback.suggestions.map((s) => `suggestion.${s}`)];
  return { ok, score: result.score, reasons: [...new Set(reasons)] };
}
