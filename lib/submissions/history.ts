// A contribution's history for the secretariat, as a list of things that happened (who did what, when, why),
// each edit with the changes it made against the version before: no raw action codes, no raw Markdown.
import { wordDiff, type DiffSegment } from "../drafts/compare";
import { markdownToBlocks } from "../markdown/render";

export interface HistoryVersion {
  version: number;
  title: string;
  body: string;
  language: string;
  themeSlugs: string[];
  createdAt: Date;
  editedBy: { name: string } | null;
}

export interface HistoryEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  metadata: unknown;
  createdAt: Date;
  actorId: string | null;
  actor: { name: string } | null;
}

/** What an edit changed; null parts did not change. */
export interface VersionChanges {
  from: number;
  to: number;
  title: DiffSegment[] | null;
  body: DiffSegment[] | null;
  themesAdded: string[];
  themesRemoved: string[];
  language: { from: string; to: string } | null;
}

export type HistoryKind =
  | "sent" | "edited" | "imported" | "withdrawn" | "published" | "publishedOverBalance" | "held" | "released"
  | "rejected" | "changesRequested" | "hidden" | "restored";

export interface HistoryEntry {
  kind: HistoryKind;
  at: Date;
  /** who acted: "author" (the contribution's own author), "person" (someone else, named), "system" (automatic) */
  by: "author" | "person" | "system";
  name: string | null;
  /** a moderator's reason or justification as written */
  reason: string | null;
  /** a reason the platform recorded itself (a code), said in words by the page */
  reasonCode: "phaseClosed" | "accountDeleted" | "wholeRound" | null;
  /** the status a restore led to */
  toStatus: string | null;
  /** the version an author's write created */
  version: number | null;
  changes: VersionChanges | null;
}

const KIND: Record<string, HistoryKind> = {
  SUBMIT: "sent",
  EDIT: "edited",
  IMPORT: "imported",
  WITHDRAW: "withdrawn",
  PUBLISH: "published",
  PUBLISH_OVER_BALANCE: "publishedOverBalance",
  HOLD_FOR_BALANCE: "held",
  RELEASE_FROM_HOLD: "released",
  REJECT: "rejected",
  REQUEST_CHANGES: "changesRequested",
  HIDE: "hidden",
  RESTORE: "restored",
};

const REASON_CODES = new Set(["phaseClosed", "accountDeleted"]);

function metadataOf(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const changed = (segments: DiffSegment[]) => (segments.some((s) => s.type !== "same") ? segments : null);

/** The changes from one version to the next; the text compared as what a reader sees (Markdown rendered to text). */
export function versionChanges(before: HistoryVersion, after: HistoryVersion): VersionChanges {
  const fromThemes = new Set(before.themeSlugs);
  const toThemes = new Set(after.themeSlugs);
  return {
    from: before.version,
    to: after.version,
    title: changed(wordDiff(before.title, after.title)),
    body: changed(wordDiff(markdownToBlocks(before.body), markdownToBlocks(after.body))),
    themesAdded: after.themeSlugs.filter((s) => !fromThemes.has(s)),
    themesRemoved: before.themeSlugs.filter((s) => !toThemes.has(s)),
    language: before.language === after.language ? null : { from: before.language, to: after.language },
  };
}

/** The history in the order it happened. `authorId` tells the author's own writes from anyone else's. */
export function contributionHistory(authorId: string | null, versions: HistoryVersion[], events: HistoryEvent[]): HistoryEntry[] {
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  return events.map((e) => {
    const kind = KIND[e.action] ?? "edited";
    const meta = metadataOf(e.metadata);
    const automatic = e.actorId === null;
    const by = automatic ? "system" : e.actorId === authorId && kind !== "imported" ? "author" : "person";
    const version = kind === "sent" || kind === "edited" ? (typeof meta.version === "number" ? meta.version : null) : null;
    const after = version === null ? undefined : byVersion.get(version);
    const before = version === null ? undefined : byVersion.get(version - 1);
    const code = e.reason && REASON_CODES.has(e.reason) && automatic ? (e.reason as "phaseClosed" | "accountDeleted") : meta.basis === "wholeRound" ? "wholeRound" : null;
    return {
      kind,
      at: e.createdAt,
      by,
      name: e.actor?.name ?? null,
      reason: code && automatic ? null : e.reason,
      reasonCode: code,
      toStatus: kind === "restored" ? e.toStatus : null,
      version,
      changes: kind === "edited" && before && after ? versionChanges(before, after) : null,
    };
  });
}
