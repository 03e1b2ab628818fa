// What public pages show for a moderated input: the text, or "hidden by the secretariat: <reason>" instead of it.
// Public lists and pages should include HIDDEN items (PUBLIC_STATUSES) and render them through publicViewOf.

/** Statuses a public page may show: published inputs, and hidden ones as a notice without their text. */
export const PUBLIC_STATUSES = ["PUBLISHED", "HIDDEN"] as const;

export type PublicView = { hidden: false } | { hidden: true; reason: string };

export function publicViewOf(item: { status: string; moderationNote: string | null }): PublicView {
  if (item.status === "HIDDEN") return { hidden: true, reason: item.moderationNote?.trim() || "" };
  return { hidden: false };
}

export function isPubliclyListed(status: string): boolean {
  return (PUBLIC_STATUSES as readonly string[]).includes(status);
}
