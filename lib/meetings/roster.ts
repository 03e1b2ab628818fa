// The speaker roster's pure rules: which labels are variants of one person, proposed for merging ("V CERF" /
// "VINTON CERF", "CHAPELLE" / "CHAPPELLE", "CERF" / "VINTON CERF", "TANAKA HIROSHI" / "HIROSHI TANAKA"), and which
// labels may be reused across sessions and years. The secretariat confirms every merge: nothing here merges.

export type MergeReason = "initials" | "spelling" | "surname" | "order";

export interface RosterEntry {
  /** the speaker's id, or a key of the transcript being previewed for a speaker not stored yet */
  id: string;
  /** every roster key of the speaker (speakerKey of each alias) */
  keys: string[];
}

export interface MergeProposal {
  a: string;
  b: string;
  reason: MergeReason;
  /** the two keys that look alike */
  keys: [string, string];
}

/**
 * A label reused automatically in another session or year must name one person: a full name does, a surname alone
 * ("TANAKA", "SMITH") does not. Surname-only labels are kept to their session and proposed for merging instead.
 */
export function isReusableKey(key: string): boolean {
  const tokens = key.split(" ").filter(Boolean);
  return tokens.length >= 2 && tokens.some((t) => t.length >= 2);
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0];
  if (first) for (let j = 0; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]?.[b.length] ?? max + 1;
}

/** How far apart two spellings of a name may be: one slip in a short name, two in a long one. */
function spellingSlack(key: string): number {
  const letters = key.replace(/ /g, "").length;
  return letters >= 12 ? 2 : letters >= 5 ? 1 : 0;
}

/** Why two keys look like one person, or null. */
export function variantReason(x: string, y: string): MergeReason | null {
  if (x === y) return null;
  const a = x.split(" ");
  const b = y.split(" ");
  const lastA = a.at(-1) ?? "";
  const lastB = b.at(-1) ?? "";
  if (a.length === b.length && a.length > 1 && [...a].sort().join(" ") === [...b].sort().join(" ")) return "order";
  // "V CERF" / "VINTON CERF", "V G CERF" / "VINTON G CERF": same surname, first names matching or initials of them.
  if (lastA === lastB && a.length === b.length && a.length > 1) {
    const initials = a.slice(0, -1).every((t, i) => {
      const u = b[i] ?? "";
      // An initial ("V"), or a short form of the first name ("VINT" for "VINTON").
      const shortens = (x: string, y: string) => (x.length === 1 || x.length >= 3) && x.length < y.length && y.startsWith(x);
      return t === u || shortens(t, u) || shortens(u, t);
    });
    if (initials) return "initials";
  }
  // "CERF" / "VINTON CERF": a surname alone, long enough not to be a first name by chance.
  if ((a.length === 1 && b.length > 1 && lastB === x && x.length >= 4) || (b.length === 1 && a.length > 1 && lastA === y && y.length >= 4)) return "surname";
  // "CHAPELLE" / "CHAPPELLE", "BERTRAND DE LA CHAPELLE" / "BERTRAND DE LA CHAPPELLE": a slip of the captioner's hand.
  const slack = Math.min(spellingSlack(x), spellingSlack(y));
  if (slack > 0 && x[0] === y[0] && editDistance(x, y, slack) <= slack) return "spelling";
  // Surname alone misspelt against a full name: "CHAPPELLE" / "BERTRAND DE LA CHAPELLE".
  if (a.length === 1 && b.length > 1 && x.length >= 5 && editDistance(x, lastB, 1) <= 1) return "surname";
  if (b.length === 1 && a.length > 1 && y.length >= 5 && editDistance(y, lastA, 1) <= 1) return "surname";
  return null;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Pairs of roster entries that look like one person, each pair once, in a stable order. `dismissed` holds pairs the
 * secretariat said are different people (pairKey of their ids). Entries are compared within blocks of the same
 * surname initial, so a roster of thousands stays fast.
 */
export function proposeMerges(entries: RosterEntry[], dismissed: ReadonlySet<string> = new Set()): MergeProposal[] {
  const blocks = new Map<string, { id: string; key: string }[]>();
  for (const entry of entries) {
    for (const key of entry.keys) {
      const surname = key.split(" ").at(-1) ?? "";
      if (!surname) continue;
      const block = surname[0] ?? "";
      const list = blocks.get(block) ?? [];
      list.push({ id: entry.id, key });
      blocks.set(block, list);
    }
  }
  const seen = new Map<string, MergeProposal>();
  for (const list of blocks.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i];
        const y = list[j];
        if (!x || !y || x.id === y.id) continue;
        const pk = pairKey(x.id, y.id);
        if (seen.has(pk) || dismissed.has(pk)) continue;
        const reason = variantReason(x.key, y.key);
        if (reason) {
          const [a, b] = x.id < y.id ? [x, y] : [y, x];
          seen.set(pk, { a: a.id, b: b.id, reason, keys: [a.key, b.key] });
        }
      }
    }
  }
  return [...seen.values()].sort((p, q) => (p.keys[0] < q.keys[0] ? -1 : p.keys[0] > q.keys[0] ? 1 : p.keys[1] < q.keys[1] ? -1 : 1));
}

export function dismissalKey(a: string, b: string): string {
  return pairKey(a, b);
}
