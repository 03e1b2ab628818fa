// Balance aggregates for the dashboard and the public JSON: shares of published inputs by stakeholder group,
// UN regional group, development status, gender (where declared) and language, against the policy. Aggregates only.
// Unclassified inputs and inputs of unknown country are counted apart (`unclassified`, `unknownCountry`): they are in
// `published` but in no group's or region's share, as in the balance rules (lib/balance/rules.ts).
import "server-only";
import { db } from "../db/client";
import { STAKEHOLDER_GROUPS, UNCLASSIFIED } from "../stakeholders/groups";
import { UN_REGIONS } from "../geo/countries";
import { getBalancePolicy, type Policy } from "./policy";
import { TARGET_FIELDS, TARGET_KEY } from "./schema";
import { commentCounts, submissionCounts, type CountCell } from "./counts";
import { capOf, type InputKind } from "./service";
import { groupsRepresented, sharesOf, type Share } from "./rules";

export interface GroupRow extends Share {
  /** published inputs of the group whose snapshot says the group was verified (organisation, domain, secretariat) */
  verified: number;
  /** published inputs of the group as their authors declared it, not verified */
  selfDeclared: number;
  held: number;
  /** true when the group's share (of what the caps count) is above the cap and the cap applies (enough published) */
  overCap: boolean;
}

export interface TargetRow {
  /** a UN regional group, or "developing" */
  key: string;
  /** the policy's minimum share, 0..1 */
  minShare: number;
  /** the current share of published contributions of known country */
  share: number;
  count: number;
  met: boolean;
}

export interface KindReport {
  /** every published input, unclassified ones and those of unknown country included */
  published: number;
  /** published inputs whose stakeholder group is not known: in `published`, not in the group shares */
  unclassified: number;
  /** published inputs whose country is not known: in `published`, not in the region or development shares */
  unknownCountry: number;
  held: number;
  pending: number;
  overBalance: number;
  /** published inputs whose group was verified, and the rest (self-declared), over every group */
  verified: number;
  selfDeclared: number;
  /** the caps count verified inputs only (unverified ones are published outside them) */
  countVerifiedOnly: boolean;
  maxGroupShare: number;
  minSample: number;
  capActive: boolean;
  groupsRepresented: number;
  minGroups: number;
  minGroupsMet: boolean;
  groups: GroupRow[];
  /** the policy's regional targets against the current shares (contributions only; empty for comments) */
  targets: TargetRow[];
  regions: Share[];
  development: Share[];
  genders: Share[];
  languages: Share[];
}

export interface BalanceReport {
  consultation: { slug: string; title: string };
  submissions: KindReport;
  comments: KindReport;
}

type Counter = Record<string, number>;

function count<T>(rows: T[], key: (row: T) => string | null, n: (row: T) => number): Counter {
  const out: Counter = {};
  for (const row of rows) {
    const k = key(row);
    if (k !== null) out[k] = (out[k] ?? 0) + n(row);
  }
  return out;
}

/** What a kind's report is built from: published counts by each dimension, and the waiting queues by group. */
interface Tallies {
  groups: Counter;
  regions: Counter;
  development: Counter;
  genders: Counter;
  languages: Counter;
  heldByGroup: Counter;
  pending: number;
  overBalance: number;
}

/** Tallies from the counters' cells (lib/balance/counts.ts): one aggregate whatever the number of inputs. */
function talliesOf<S extends string>(cells: CountCell<S>[]): Tallies {
  const published = cells.filter((c) => c.status === "PUBLISHED");
  const tally = (rows: CountCell<S>[], key: (c: CountCell<S>) => string | null) => count(rows, key, (c) => c.n);
  return {
    groups: tally(published.filter((c) => c.stakeholderGroup !== null), (c) => c.stakeholderGroup),
    regions: tally(published.filter((c) => c.region !== null && c.developing === null), (c) => c.region),
    development: tally(published.filter((c) => c.developing !== null && c.region !== null), (c) => (c.region === "UNKNOWN" ? null : c.developing ? "developing" : "developed")),
    genders: tally(published.filter((c) => c.byGender), (c) => c.gender ?? "undeclared"),
    languages: tally(published.filter((c) => c.language !== null), (c) => c.language),
    heldByGroup: tally(cells.filter((c) => c.status === "HELD_FOR_BALANCE" && c.stakeholderGroup !== null), (c) => c.stakeholderGroup),
    pending: cells.filter((c) => c.status === "PENDING" && c.stakeholderGroup !== null).reduce((a, c) => a + c.n, 0),
    overBalance: published.filter((c) => c.overBalance === true).reduce((a, c) => a + c.n, 0),
  };
}

/** Contributions from InputCount, comments from CommentCount. */
async function talliesFor(consultationId: string, kind: InputKind): Promise<Tallies> {
  return kind === "SUBMISSION" ? talliesOf((await submissionCounts(consultationId)).cells) : talliesOf((await commentCounts(consultationId)).cells);
}

/**
 * Published inputs per group whose group was verified: a range of the (consultationId, status, groupVerified,
 * stakeholderGroup) index, so it reads the verified ones only; self-declared = the group's count minus these.
 */
async function verifiedByGroup(consultationId: string, kind: InputKind): Promise<Counter> {
  const where = { consultationId, status: "PUBLISHED" as const, groupVerified: true };
  const rows =
    kind === "SUBMISSION"
      ? await db.submission.groupBy({ by: ["stakeholderGroup"], where, _count: { _all: true } })
      : await db.comment.groupBy({ by: ["stakeholderGroup"], where, _count: { _all: true } });
  return count(rows, (r) => String(r.stakeholderGroup), (r) => r._count._all);
}

async function kindReport(consultationId: string, kind: InputKind, policy: Policy): Promise<KindReport> {
  const [tallies, verifiedCounts] = await Promise.all([
    talliesFor(consultationId, kind),
    verifiedByGroup(consultationId, kind),
  ]);
  const allGroupCounts = tallies.groups;
  const { [UNCLASSIFIED]: unclassified = 0, ...groupCounts } = allGroupCounts;
  const heldByGroup = tallies.heldByGroup;
  const classified = Object.values(groupCounts).reduce((a, b) => a + b, 0);
  const published = classified + unclassified;
  const regionCounts = tallies.regions;
  const { UNKNOWN: unknownCountry = 0, ...knownRegions } = regionCounts;
  const cap = capOf(policy, kind);
  // What the caps count: every classified input, or only the verified ones (lib/balance/service.ts countsTowardCaps).
  const { [UNCLASSIFIED]: _unclassifiedVerified, ...verifiedClassified } = verifiedCounts;
  const capCounts = policy.countVerifiedOnly ? verifiedClassified : groupCounts;
  const capTotal = Object.values(capCounts).reduce((a, b) => a + b, 0);
  // The cap applies to the groups' shares, so its sample is of classified inputs (as in fitsGroupCap).
  const capActive = capTotal >= cap.minSample;
  const represented = groupsRepresented(groupCounts);
  const verified = Object.values(verifiedCounts).reduce((a, b) => a + b, 0);
  const knownTotal = Object.values(knownRegions).reduce((a, b) => a + b, 0);
  const developingCount = tallies.development.developing ?? 0;
  const targets: TargetRow[] =
    kind === "SUBMISSION"
      ? TARGET_FIELDS.flatMap((field) => {
          const minShare = policy[field];
          if (minShare === null) return [];
          const key = TARGET_KEY[field];
          const n = key === "developing" ? developingCount : (knownRegions[key] ?? 0);
          const share = knownTotal > 0 ? n / knownTotal : 0;
          return [{ key, minShare, share, count: n, met: share + 1e-9 >= minShare }];
        })
      : [];
  return {
    published,
    unclassified,
    unknownCountry,
    held: Object.values(heldByGroup).reduce((a, b) => a + b, 0),
    pending: tallies.pending,
    overBalance: tallies.overBalance,
    verified,
    selfDeclared: published - verified,
    countVerifiedOnly: policy.countVerifiedOnly,
    maxGroupShare: cap.maxGroupShare,
    minSample: cap.minSample,
    capActive,
    groupsRepresented: represented,
    minGroups: policy.minGroups,
    minGroupsMet: represented >= policy.minGroups,
    groups: sharesOf(groupCounts, STAKEHOLDER_GROUPS).map((s) => ({
      ...s,
      verified: verifiedCounts[s.key] ?? 0,
      selfDeclared: s.count - (verifiedCounts[s.key] ?? 0),
      held: heldByGroup[s.key] ?? 0,
      overCap: capActive && capTotal > 0 && (capCounts[s.key] ?? 0) / capTotal > cap.maxGroupShare + 1e-9,
    })),
    targets,
    regions: sharesOf(knownRegions, UN_REGIONS),
    development: sharesOf(tallies.development, ["developing", "developed"]),
    genders: sharesOf(tallies.genders, ["FEMALE", "MALE", "NON_BINARY", "SELF_DESCRIBED", "undeclared"]),
    languages: sharesOf(tallies.languages),
  };
}

/** The report for a consultation (a read: the held queue is settled by the balance jobs, never here). Null if unknown. */
export async function getBalanceReport(slug: string, options: { publicOnly?: boolean } = {}): Promise<BalanceReport | null> {
  const consultation = await db.consultation.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, status: true } });
  if (!consultation) return null;
  if (options.publicOnly && consultation.status === "DRAFT") return null;
  const policy = await getBalancePolicy(db, consultation.id);
  const [submissions, comments] = await Promise.all([kindReport(consultation.id, "SUBMISSION", policy), kindReport(consultation.id, "COMMENT", policy)]);
  return { consultation: { slug: consultation.slug, title: consultation.title }, submissions, comments };
}

/** For the synthesis: whether enough stakeholder groups have published inputs to export without the warning. */
export async function synthesisBalanceWarning(consultationId: string): Promise<{ unbalanced: boolean; groupsRepresented: number; minGroups: number }> {
  const policy = await getBalancePolicy(db, consultationId);
  const rows = await db.submission.groupBy({ by: ["stakeholderGroup"], where: { consultationId, status: "PUBLISHED", stakeholderGroup: { not: UNCLASSIFIED } }, _count: { _all: true } });
  const represented = rows.filter((r) => r._count._all > 0).length;
  return { unbalanced: represented < policy.minGroups, groupsRepresented: represented, minGroups: policy.minGroups };
}

export interface HeldItem {
  type: InputKind;
  id: string;
  version: number;
  title: string;
  authorName: string;
  stakeholderGroup: string;
  arrivedAt: Date;
}

/** The held queue of one consultation, in arrival order (the order of automatic release). */
export async function listHeld(consultationId: string): Promise<HeldItem[]> {
  const [subs, comments] = await Promise.all([
    db.submission.findMany({ where: { consultationId, status: "HELD_FOR_BALANCE" }, orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }], take: 500 }),
    db.comment.findMany({ where: { consultationId, status: "HELD_FOR_BALANCE" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 500 }),
  ]);
  return [
    ...subs.map((s) => ({ type: "SUBMISSION" as const, id: s.id, version: s.version, title: `${s.reference} — ${s.title}`, authorName: s.organisationName ?? s.contributorName, stakeholderGroup: s.stakeholderGroup, arrivedAt: s.submittedAt ?? s.createdAt })),
    ...comments.map((c) => ({ type: "COMMENT" as const, id: c.id, version: c.version, title: c.body.slice(0, 120), authorName: c.organisationName ?? c.authorName, stakeholderGroup: c.stakeholderGroup, arrivedAt: c.createdAt })),
  ];
}
