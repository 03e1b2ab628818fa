// The invitation to under-represented regions as a reader sees it: the translation into their language when there is
// one (docs/decisions/0033 pattern: one row per language with the fingerprint of the original). Pure, client-safe.
import { fingerprintOf, localize, type Localized } from "../i18n/content";

const FIELDS = ["invitation"] as const;

/** The fingerprint a translation of this invitation is stored with; a later edit of the original marks it outdated. */
export function invitationFingerprint(invitation: string): string {
  return fingerprintOf({ invitation }, FIELDS);
}

/** The invitation in `requested`, or the original (in the consultation's language) marked untranslated. */
export function localizedInvitation(
  invitation: string,
  originalLanguage: string,
  translations: readonly { language: string; text: string; sourceHash: string }[],
  requested: string,
): Localized<{ invitation: string }> {
  return localize({ invitation }, originalLanguage, translations.map((t) => ({ language: t.language, sourceHash: t.sourceHash, invitation: t.text })), requested, FIELDS);
}
