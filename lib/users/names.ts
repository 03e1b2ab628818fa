// How names are compared: one organisation (or one unaffiliated contributor) per spelling, whatever the case and spacing.
export function normaliseName(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
