// Where an input (contribution or comment) stands for its author: the statuses in which the author may still
// change its text or withdraw it. One list for both kinds of input, used by the services and the pages alike.

/** The author may edit (and withdraw) while the phase is open; a rejected, hidden or withdrawn input is closed. */
export const EDITABLE: ReadonlySet<string> = new Set(["PENDING", "CHANGES_REQUESTED", "HELD_FOR_BALANCE", "PUBLISHED"]);

export function isEditable(status: string): boolean {
  return EDITABLE.has(status);
}
