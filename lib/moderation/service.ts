// moderation: the secretariat publishes, holds, rejects, requests changes, hides and restores inputs.
// One transaction per item; every change appends a ModerationEvent and nothing is ever deleted.
// Concurrency: the update is conditional on the version the moderator saw, so of two moderators exactly one wins.
import "server-only";
import { db, type Tx } from "../db/client";
import { databaseNow, lockRow, withTransaction } from "../db/transaction";
import type { StakeholderGroup } from "../db/generated/enums";
import { hasRole } from "../auth/session-roles";
import { recordAudit } from "../audit/log";
import { fail, fieldErrorsOf, ok, type Failure, type Result } from "../result";
import { closedRoundDecision, decidePublication, excerpt, lockBalance, settleBalance, settleBalanceInTx } from "../balance/service";
import { CAMPAIGN_ACTION_MAX } from "./queue";
import { notify, MY_CONTRIBUTIONS_PATH, type NotificationKind } from "../notifications/service";
import { notifyReplyPublished } from "../comments/notify";
import { BulkModerateSchema, ModerateSchema, REASON_REQUIRED, type BulkModerateInput, type ModerateInput, type Target, type TargetType, type Verb } from "./schema";
import type { Actor } from "../auth/session-roles";
import { localize } from "../i18n/content";
import { REASON_FIELDS } from "../i18n/texts";

export type { Actor };

type Status = "DRAFT" | "PENDING" | "CHANGES_REQUESTED" | "HELD_FOR_BALANCE" | "PUBLISHED" | "REJECTED" | "HIDDEN" | "WITHDRAWN";

/** The statuses each verb applies to; anything else means someone acted first (or the item moved on). */
export const ALLOWED_FROM: Record<Verb, readonly Status[]> = {
  publish: ["PENDING"],
  publishOverBalance: ["HELD_FOR_BALANCE", "PENDING"],
  reject: ["PENDING", "HELD_FOR_BALANCE"],
  requestChanges: ["PENDING", "HELD_FOR_BALANCE"],
  hide: ["PUBLISHED"],
  restore: ["HIDDEN", "REJECTED"],
};

type CommentStatus = Exclude<Status, "DRAFT" | "CHANGES_REQUESTED">;
function isCommentStatus(status: Status): status is CommentStatus {
  return status !== "DRAFT" && status !== "CHANGES_REQUESTED";
}

const TEMPLATE_KIND: Partial<Record<Verb, "REJECT" | "REQUEST_CHANGES" | "HIDE">> = {
  reject: "REJECT",
  requestChanges: "REQUEST_CHANGES",
  hide: "HIDE",
};

/** What one moderation action did to one item. */
export interface Moderated {
  type: TargetType;
  id: string;
  /** the status before the action */
  from: Status;
  status: Status;
  overBalance: boolean;
  /** what the secretariat recognises the item by: the reference and title, or a comment's excerpt */
  reference: string | null;
  title: string;
}

interface Item {
  type: TargetType;
  id: string;
  consultationId: string;
  status: Status;
  version: number;
  authorId: string | null;
  title: string;
  reference: string | null;
  stakeholderGroup: StakeholderGroup;
  /** the snapshot's verification: under verified-only counting, unverified inputs are outside the group caps */
  groupVerified: boolean;
}

async function loadItem(tx: Tx, target: { type: TargetType; id: string }): Promise<Item | null> {
  if (target.type === "SUBMISSION") {
    const s = await tx.submission.findUnique({
      where: { id: target.id },
      select: { id: true, consultationId: true, status: true, version: true, authorId: true, title: true, reference: true, stakeholderGroup: true, groupVerified: true },
    });
    return s ? { ...s, type: "SUBMISSION" } : null;
  }
  const c = await tx.comment.findUnique({
    where: { id: target.id },
    select: { id: true, consultationId: true, status: true, version: true, authorId: true, body: true, stakeholderGroup: true, groupVerified: true },
  });
  return c
    ? { type: "COMMENT", id: c.id, consultationId: c.consultationId, status: c.status, version: c.version, authorId: c.authorId, title: excerpt(c.body), reference: null, stakeholderGroup: c.stakeholderGroup, groupVerified: c.groupVerified }
    : null;
}

async function conflictOf(tx: Tx, item: Item): Promise<Failure> {
  const current = await loadItem(tx, item);
  const last = await tx.moderationEvent.findFirst({
    where: item.type === "SUBMISSION" ? { submissionId: item.id } : { commentId: item.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { actorId: true, actor: { select: { name: true } } },
  });
  const byAuthor = !last || last.actorId === null || last.actorId === item.authorId;
  return fail(byAuthor ? "changedSinceLoaded" : "alreadyModerated", undefined, 409, {
    conflict: { by: byAuthor ? null : (last?.actor?.name ?? null), status: current?.status ?? item.status },
  });
}

/**
 * The reason as the author will read it. A template the moderator left as it is goes out in the author's interface
 * language when the template has a translation into it (not one out of date); a reason written or edited by the
 * moderator is kept exactly as written.
 */
async function resolveReason(tx: Tx, verb: Verb, reason: string, templateId: string, authorId: string | null): Promise<Result<string | null>> {
  let text = reason;
  const kind = TEMPLATE_KIND[verb];
  if (templateId && kind) {
    const template = await tx.reasonTemplate.findFirst({ where: { id: templateId, kind }, select: { label: true, text: true, language: true, translations: true } });
    if (!template && !text) return fail("invalidInput", { reason: ["templateUnknown"] });
    const same = (a: string, b: string) => a.replace(/\r\n/g, "\n").trim() === b.replace(/\r\n/g, "\n").trim();
    if (template && (!text || [template.text, ...template.translations.map((tr) => tr.text)].some((v) => same(text, v)))) {
      const author = authorId ? await tx.user.findUnique({ where: { id: authorId }, select: { locale: true } }) : null;
      const localized = author ? localize(template, template.language, template.translations, author.locale, REASON_FIELDS) : null;
      text = localized && !localized.untranslated && !localized.outdated ? localized.text.text : template.text;
    }
  } else if (!text && templateId) {
    return fail("invalidInput", { reason: ["templateUnknown"] });
  }
  if (REASON_REQUIRED.has(verb) && !text) {
    return fail("invalidInput", { reason: [verb === "publishOverBalance" ? "justificationRequired" : "reasonRequired"] });
  }
  return ok(text || null);
}

const NOTIFY: Record<Exclude<Status, "DRAFT" | "PENDING" | "WITHDRAWN">, NotificationKind> = {
  PUBLISHED: "published",
  HELD_FOR_BALANCE: "held",
  REJECTED: "rejected",
  CHANGES_REQUESTED: "changesRequested",
  HIDDEN: "hidden",
};

/** Runs one moderation action on one item. `target.version` is the version the moderator saw. */
export async function moderate(actor: Actor | null, raw: ModerateInput): Promise<Result<Moderated>> {
  return moderateOne(actor, raw, { settle: true });
}

/**
 * `settle: false` leaves the held queue to the caller: a bulk action settles once at the end instead of after every
 * item (which re-read the whole held queue per item: quadratic in its length).
 */
async function moderateOne(actor: Actor | null, raw: ModerateInput, options: { settle: boolean }): Promise<Result<Moderated>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = ModerateSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const { verb, target, reason: rawReason, templateId } = parsed.data;
  if (verb === "requestChanges" && target.type === "COMMENT") return fail("notApplicable");

  return withTransaction(async (tx) => {
    const item = await loadItem(tx, target);
    const resolved = await resolveReason(tx, verb, rawReason, templateId, item?.authorId ?? null);
    if (!resolved.ok) return resolved;
    const reason = resolved.data;
    if (!item) return fail("notFound", undefined, 404);
    await lockBalance(tx, item.consultationId);
    return applyVerb(tx, actor, item, verb, reason, target.version ?? item.version, options.settle);
  });
}

async function applyVerb(tx: Tx, actor: Actor, item: Item, verb: Verb, reason: string | null, expectedVersion: number, settle: boolean): Promise<Result<Moderated>> {
  // The balance lock, then the row's (the order every writer takes them in): re-read, so the balance decision and the
  // version check see the committed state, and an author's write on the same item waits for this one or wins first.
  await lockRow(tx, item.type === "SUBMISSION" ? "Submission" : "Comment", item.id);
  const fresh = await loadItem(tx, item);
  if (!fresh) return fail("notFound", undefined, 404);
  if (fresh.version !== expectedVersion || !ALLOWED_FROM[verb].includes(fresh.status)) return conflictOf(tx, fresh);

  let to: Status;
  let overBalance = false;
  /** why a publication is flagged over balance without a moderator's justification ("wholeRound": a closed round's backlog) */
  let basis: string | null = null;
  let action: "PUBLISH" | "PUBLISH_OVER_BALANCE" | "HOLD_FOR_BALANCE" | "REJECT" | "REQUEST_CHANGES" | "HIDE" | "RESTORE";
  switch (verb) {
    case "publish": {
      // Once the contributions phase has closed, a backlog is judged against the round as a whole, never by the
      // order in which the secretariat works through it (lib/balance/service.ts closedRoundDecision).
      const whole = fresh.type === "SUBMISSION" ? await closedRoundDecision(tx, fresh.consultationId, fresh.stakeholderGroup, fresh.groupVerified) : null;
      if (whole) {
        to = "PUBLISHED";
        overBalance = whole.overBalance;
        action = overBalance ? "PUBLISH_OVER_BALANCE" : "PUBLISH";
        basis = "wholeRound";
        break;
      }
      to = await decidePublication(tx, fresh.consultationId, fresh.type, fresh.stakeholderGroup, fresh.groupVerified);
      action = to === "PUBLISHED" ? "PUBLISH" : "HOLD_FOR_BALANCE";
      break;
    }
    case "publishOverBalance": {
      // Only when the cap really stands in the way: otherwise an ordinary publish is the honest record.
      const decision = await decidePublication(tx, fresh.consultationId, fresh.type, fresh.stakeholderGroup, fresh.groupVerified);
      to = "PUBLISHED";
      overBalance = decision === "HELD_FOR_BALANCE";
      action = overBalance ? "PUBLISH_OVER_BALANCE" : "PUBLISH";
      break;
    }
    case "reject":
      to = "REJECTED";
      action = "REJECT";
      break;
    case "requestChanges":
      to = "CHANGES_REQUESTED";
      action = "REQUEST_CHANGES";
      break;
    case "hide":
      to = "HIDDEN";
      action = "HIDE";
      break;
    case "restore":
      // A hidden item was accepted once: it goes back through the balance rule. A rejected one goes back to the queue.
      to = fresh.status === "HIDDEN" ? await decidePublication(tx, fresh.consultationId, fresh.type, fresh.stakeholderGroup, fresh.groupVerified) : "PENDING";
      action = "RESTORE";
      break;
  }

  // One clock: publication dates order public lists and decide nothing else's deadline differently.
  const now = await databaseNow(tx);
  const note = to === "REJECTED" || to === "CHANGES_REQUESTED" || to === "HIDDEN" ? reason : null;
  const data = {
    status: to,
    version: { increment: 1 },
    moderationNote: note,
    ...(to === "PUBLISHED" ? { publishedAt: now } : {}),
    ...(overBalance ? { overBalance: true } : {}),
  };
  const where = { id: fresh.id, version: expectedVersion, status: fresh.status };
  const updated =
    fresh.type === "SUBMISSION"
      ? await tx.submission.updateMany({ where, data })
      : isCommentStatus(fresh.status) && isCommentStatus(to)
        ? await tx.comment.updateMany({ where: { ...where, status: fresh.status }, data: { ...data, status: to } })
        : { count: 0 };
  if (updated.count !== 1) return conflictOf(tx, fresh);

  await tx.moderationEvent.create({
    data: {
      targetType: fresh.type,
      submissionId: fresh.type === "SUBMISSION" ? fresh.id : null,
      commentId: fresh.type === "COMMENT" ? fresh.id : null,
      actorId: actor.id,
      action,
      createdAt: now,
      fromStatus: fresh.status,
      toStatus: to,
      reason,
      metadata: { verb, version: expectedVersion + 1, ...(basis ? { basis } : {}) },
    },
  });
  if (action === "PUBLISH_OVER_BALANCE") {
    await recordAudit(tx, {
      actorId: actor.id, action: "moderation.publishOverBalance", entityType: fresh.type === "SUBMISSION" ? "Submission" : "Comment",
      entityId: fresh.id, consultationId: fresh.consultationId, details: { justification: reason, fromStatus: fresh.status, ...(basis ? { basis } : {}) },
    });
  }
  const kind = to === "PENDING" ? null : verb === "restore" && to === "PUBLISHED" ? "restored" : NOTIFY[to as keyof typeof NOTIFY];
  if (kind) {
    await notify(tx, {
      userId: fresh.authorId,
      kind,
      params: { target: fresh.type, title: fresh.title, reference: fresh.reference, reason: note },
      link: fresh.type === "SUBMISSION" ? `${MY_CONTRIBUTIONS_PATH}/${fresh.id}` : null,
    });
  }
  if (fresh.type === "COMMENT" && to === "PUBLISHED") await notifyReplyPublished(tx, fresh.id);
  // Any change to the published counts can make room for held items (a larger total lowers other groups' shares,
  // hiding frees a place), and the phase may have closed: settle in the same transaction.
  if (settle && (to === "PUBLISHED" || fresh.status === "PUBLISHED")) await settleBalanceInTx(tx, fresh.consultationId);
  return { ok: true, data: { type: fresh.type, id: fresh.id, from: fresh.status, status: to, overBalance, reference: fresh.reference, title: fresh.title } };
}

export interface BulkItem {
  type: TargetType;
  id: string;
  reference: string | null;
  title: string;
}

export interface BulkSummary {
  done: number;
  held: number;
  /** every item the action changed, with its status before and after */
  changed: (BulkItem & { from: Status; to: Status })[];
  conflicts: { type: TargetType; id: string; error: string; by: string | null }[];
  /** campaigns left alone because their members changed since the page showed them */
  campaignsChanged: { type: TargetType; id: string; label: string; expected: number; now: number }[];
  failed: number;
}

/**
 * The same action on many items (selected rows, whole campaigns). Each item is its own transaction, so one conflict
 * never undoes the others. A campaign is acted on exactly as the queue showed it: its members in the status of the
 * view, as many as the row said (the oldest CAMPAIGN_ACTION_MAX at most); if that number changed meanwhile (a new
 * member arrived, someone moderated one), the campaign is left alone and reported, so nothing is acted on unseen.
 * The held queue is settled once per consultation at the end.
 */
export async function moderateMany(actor: Actor | null, raw: BulkModerateInput): Promise<Result<BulkSummary>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = BulkModerateSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const { verb, reason, templateId } = parsed.data;
  if (REASON_REQUIRED.has(verb) && !reason && !templateId) {
    return fail("invalidInput", { reason: [verb === "publishOverBalance" ? "justificationRequired" : "reasonRequired"] });
  }
  const summary: BulkSummary = { done: 0, held: 0, changed: [], conflicts: [], campaignsChanged: [], failed: 0 };
  const targets: Target[] = [...parsed.data.targets];
  for (const campaign of parsed.data.campaigns) {
    if (!(ALLOWED_FROM[verb] as readonly string[]).includes(campaign.status)) return fail("invalidInput", { targets: ["notApplicable"] });
    const where = { campaignId: campaign.id, status: campaign.status };
    const members =
      campaign.type === "SUBMISSION"
        ? await db.submission.findMany({ where, select: { id: true, version: true }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], take: CAMPAIGN_ACTION_MAX })
        : await db.comment.findMany({ where, select: { id: true, version: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: CAMPAIGN_ACTION_MAX });
    if (members.length !== campaign.count) {
      const label = (await db.campaign.findUnique({ where: { id: campaign.id }, select: { label: true } }))?.label ?? "";
      summary.campaignsChanged.push({ type: campaign.type, id: campaign.id, label, expected: campaign.count, now: members.length });
      continue;
    }
    for (const m of members) targets.push({ type: campaign.type, id: m.id, version: m.version });
  }
  for (const target of targets) {
    const result = await moderateOne(actor, { verb, target, reason, templateId }, { settle: false });
    if (result.ok) {
      const o = result.data;
      if (o.status === "HELD_FOR_BALANCE") summary.held++;
      else summary.done++;
      summary.changed.push({ type: o.type, id: o.id, reference: o.reference, title: o.title, from: o.from, to: o.status });
    } else if (result.conflict || result.status === 409 || result.status === 404) {
      summary.conflicts.push({ type: target.type, id: target.id, error: result.error, by: result.conflict?.by ?? null });
    } else if (result.status === 400 && result.fieldErrors) {
      if (summary.changed.length === 0) return result;
      summary.failed++;
    } else {
      summary.failed++;
    }
  }
  if (summary.changed.length > 0) await settleAfterBulk(summary.changed);
  return { ok: true, data: summary };
}

/** Settles each consultation the bulk action changed, once (the per-item settle was skipped). */
async function settleAfterBulk(changed: BulkSummary["changed"]): Promise<void> {
  const subIds = changed.filter((c) => c.type === "SUBMISSION").map((c) => c.id);
  const comIds = changed.filter((c) => c.type === "COMMENT").map((c) => c.id);
  const [subs, comments] = await Promise.all([
    subIds.length ? db.submission.findMany({ where: { id: { in: subIds } }, distinct: ["consultationId"], select: { consultationId: true } }) : [],
    comIds.length ? db.comment.findMany({ where: { id: { in: comIds } }, distinct: ["consultationId"], select: { consultationId: true } }) : [],
  ]);
  for (const consultationId of new Set([...subs, ...comments].map((r) => r.consultationId))) await settleBalance(consultationId);
}
