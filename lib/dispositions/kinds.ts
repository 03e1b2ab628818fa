// The five dispositions of a comment, in the order standards bodies list them, and which ones need a reason.
// Pure: shared by the services, the pages and the keyboard-driven working view.

export const DISPOSITION_KINDS = ["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "OUT_OF_SCOPE", "ANSWERED"] as const;
export type DispositionKindName = (typeof DISPOSITION_KINDS)[number];

/** Only a plain acceptance speaks for itself: every other answer says why. */
export const REASON_REQUIRED: ReadonlySet<DispositionKindName> = new Set<DispositionKindName>(["PARTLY_ACCEPTED", "NOT_ACCEPTED", "OUT_OF_SCOPE", "ANSWERED"]);

/** "Short": a sentence or two in a table cell. */
export const MAX_DISPOSITION_REASON = 1000;

/** Keyboard shortcuts of the working view. */
export const DISPOSITION_KEYS: Readonly<Record<string, DispositionKindName>> = {
  a: "ACCEPTED",
  p: "PARTLY_ACCEPTED",
  n: "NOT_ACCEPTED",
  o: "OUT_OF_SCOPE",
  w: "ANSWERED",
};

export function shortcutOf(kind: DispositionKindName): string {
  return Object.entries(DISPOSITION_KEYS).find(([, k]) => k === kind)?.[0] ?? "";
}

export function isDispositionKind(value: unknown): value is DispositionKindName {
  return (DISPOSITION_KINDS as readonly unknown[]).includes(value);
}
