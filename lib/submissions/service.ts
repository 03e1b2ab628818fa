// submissions: participants write, autosave, submit, edit and withdraw contributions. Every protective rule
// (open phase by the database clock, per-contributor cap, idempotency, attachment checks) is enforced here,
// inside the transaction that writes.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db, type Tx } from "../db/client";
import type { SubmissionStatus } from "../db/generated/enums";
import { isUniqueViolation, lockKey, lockRow, withTransaction } from "../db/transaction";
import { DEFAULT_POLICY } from "../balance/policy";
import { phaseState } from "../consultations/phases";
import { fail, fieldErrorsOf, type FieldErrors, type Result } from "../result";
import type { UploadedFile } from "../files/upload";
import { EDITABLE } from "../moderation/statuses";
import { MY_CONTRIBUTIONS_PATH, notify } from "../notifications/service";
import { newStorageKey, storage } from "../storage";
import { checkAttachment, extensionOf, type CheckedAttachment } from "./attachments";
import { stripAuthorMetadata } from "../files/metadata";
import { draftReference, isDraftReference, nextReference } from "./reference";
import { contributionSchema, draftSchema } from "./schema";
import { MAX_ATTACHMENTS } from "./limits";
import { resolveIdentity, resolveWriter } from "../identity/snapshot";
import { approvedMembershipsOf } from "../organisations/service";
import { NOT_COUNTED } from "./cap";
import { enqueueDetection } from "../moderation/enqueue";
import { accountLinksOf } from "../moderation/accounts";
import { enqueueSettle } from "../balance/tasks";
import type { Actor } from "../auth/session-roles";
import { contributionHistory } from "./history";

export type { Actor };

export interface Receipt {
  id: string;
  reference: string;
  status: SubmissionStatus;
  consultationSlug: string;
  /** The database clock when the rules were checked: the instant the contribution counts as received. */
  decidedAt: Date;
  /** True when this was a repeat of an earlier request (same idempotency key): nothing new was stored. */
  duplicate: boolean;
}

function failure(error: string, status: number, fieldErrors?: FieldErrors, params?: Record<string, string | number>) {
  return fail(error, fieldErrors, status, { params });
}

async function themesOf(consultationId: string) {
  return db.theme.findMany({ where: { consultationId }, select: { id: true, slug: true }, orderBy: { position: "asc" } });
}

type OpenRow = {
  now: Date; id: string | null; slug: string; status: string; referencePrefix: string;
  contributionsOpenAt: Date | null; contributionsCloseAt: Date | null; maxPerContributor: number | null;
};

/**
 * The phase check against the database clock; returns the instant it was made, and the consultation's cap. One
 * statement (clock, consultation and policy), as this runs in every contribution's transaction.
 */
async function assertContributionsOpen(tx: Tx, consultationId: string) {
  const rows = await tx.$queryRaw<OpenRow[]>`
    SELECT clock_timestamp() AS "now", c."id", c."slug", c."status"::text AS "status", c."referencePrefix", c."contributionsOpenAt", c."contributionsCloseAt",
           p."maxPerContributor"
    FROM (SELECT 1) AS one
    LEFT JOIN "Consultation" c ON c."id" = ${consultationId}
    LEFT JOIN "BalancePolicy" p ON p."consultationId" = c."id"`;
  const row = rows[0];
  if (!row) throw new Error("database clock unavailable");
  const now = row.now;
  if (row.id === null || row.status !== "PUBLISHED") return { ok: false as const, outcome: failure("notFound", 404) };
  const consultation = { id: row.id, slug: row.slug, referencePrefix: row.referencePrefix };
  const state = phaseState(row.contributionsOpenAt, row.contributionsCloseAt, now);
  if (state !== "open") {
    const error = state === "closed" ? "phaseClosed" : "phaseNotOpen";
    return { ok: false as const, outcome: failure(error, 409, { form: [error] }, { decidedAt: now.toISOString() }) };
  }
  // The cap of lib/balance/policy.ts: the consultation's own, else the default.
  return { ok: true as const, now, consultation, maxPerContributor: row.maxPerContributor ?? DEFAULT_POLICY.maxPerContributor };
}

// ---------------------------------------------------------------------------------------------------------
// Drafts

/**
 * The author changed the contribution (or the secretariat acted on it) since the form was loaded: nothing is written,
 * and the form keeps the text the author typed so it can be copied before reloading.
 */
function changedWhileEditing(status: SubmissionStatus) {
  return failure("changedWhileEditing", 409, { form: ["changedWhileEditing"] }, { status });
}

export interface SavedDraft {
  id: string;
  savedAt: Date;
  /** the draft's version now: the next autosave sends it back */
  version: number;
}

/**
 * Autosave. Only ever writes a row that is still an unsent draft, conditional on the version the form last saved
 * (another window's autosave in between is a conflict, not a silent overwrite); a draft sent in the meantime is
 * never touched.
 */
export async function saveDraft(actor: Actor, consultationId: string, raw: unknown): Promise<Result<SavedDraft>> {
  const themes = await themesOf(consultationId);
  const parsed = draftSchema(themes.map((t) => t.slug)).safeParse(raw);
  if (!parsed.success) return failure("invalidInput", 400, fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return withTransaction(async (tx) => {
    if (input.submissionId) await lockRow(tx, "Submission", input.submissionId);
    const open = await assertContributionsOpen(tx, consultationId);
    if (!open.ok) return open.outcome;
    const identity = await resolveIdentity(tx, actor.id, input.onBehalfOf, input.organisationId);
    if (!identity) return failure("forbidden", 403);
    const themeIds = themes.filter((t) => input.themes.includes(t.slug)).map((t) => t.id);
    const fields = { title: input.title, body: input.body, language: input.language, visibility: input.visibility, onBehalfOf: input.onBehalfOf };
    if (input.submissionId) {
      const id = input.submissionId;
      const existing = await tx.submission.findFirst({ where: { id, authorId: actor.id, consultationId }, select: { id: true, status: true, version: true } });
      if (!existing) return failure("notFound", 404, { form: ["draftGone"] });
      if (existing.status !== "DRAFT") return failure("alreadySent", 409, { form: ["alreadySent"] }, { status: existing.status });
      if (input.expectedVersion !== undefined && input.expectedVersion !== existing.version) return changedWhileEditing(existing.status);
      const updated = await tx.submission.updateMany({ where: { id, authorId: actor.id, status: "DRAFT", version: existing.version }, data: { ...fields, version: { increment: 1 } } });
      if (updated.count !== 1) return changedWhileEditing(existing.status);
      await tx.submissionTheme.deleteMany({ where: { submissionId: id } });
      await tx.submissionTheme.createMany({ data: themeIds.map((themeId) => ({ submissionId: id, themeId })) });
      return { ok: true as const, data: { id, savedAt: open.now, version: existing.version + 1 } };
    }
    const id = randomUUID();
    // The snapshot is provisional in a draft and taken again when the contribution is submitted.
    await tx.submission.create({
      data: {
        id, reference: draftReference(id), consultationId, authorId: actor.id, status: "DRAFT", ...identity, ...fields,
        themes: { create: themeIds.map((themeId) => ({ themeId })) },
      },
    });
    return { ok: true as const, data: { id, savedAt: open.now, version: 1 } };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Submit and edit

async function receiptFor(authorId: string, idempotencyKey: string): Promise<Receipt | null> {
  const row = await db.submission.findUnique({
    where: { authorId_idempotencyKey: { authorId, idempotencyKey } },
    select: { id: true, reference: true, status: true, submittedAt: true, consultation: { select: { slug: true } } },
  });
  if (!row) return null;
  return { id: row.id, reference: row.reference, status: row.status, consultationSlug: row.consultation.slug, decidedAt: row.submittedAt ?? new Date(0), duplicate: true };
}

/** "attachment-2.pdf": an anonymous contribution's files say nothing about who wrote them, their names included. */
function neutralFilename(index: number, original: string): string {
  const ext = extensionOf(original);
  return `attachment-${index + 1}${ext ? `.${ext}` : ""}`;
}

/** The files with their author metadata removed (and new checksums), or the reason one cannot be cleaned. */
async function anonymised(files: CheckedAttachment[], offset = 0): Promise<{ ok: true; files: CheckedAttachment[] } | { ok: false; error: string; filename: string }> {
  const out: CheckedAttachment[] = [];
  for (const [i, file] of files.entries()) {
    const cleaned = await stripAuthorMetadata(file.mimeType, file.bytes);
    if (!cleaned.ok) return { ok: false, error: cleaned.error, filename: file.filename };
    out.push({
      ...file, bytes: cleaned.bytes, size: cleaned.bytes.byteLength, sha256: createHash("sha256").update(cleaned.bytes).digest("hex"),
      filename: neutralFilename(offset + i, file.filename),
    });
  }
  return { ok: true, files: out };
}

/**
 * The checked files, or each refusal once with the files it refused: `refused` maps an error key to `<key>Files`,
 * the names joined by ", ", so the form can say which file was refused (and keep the others chosen).
 */
async function checkFiles(files: UploadedFile[]): Promise<{ ok: true; files: CheckedAttachment[] } | { ok: false; errors: string[]; refused: Record<string, string> }> {
  const checked: CheckedAttachment[] = [];
  const names = new Map<string, string[]>();
  for (const file of files) {
    const result = await checkAttachment(file.name, file.bytes);
    if (result.ok) checked.push(result.value);
    else names.set(result.error, [...(names.get(result.error) ?? []), file.name]);
  }
  if (names.size === 0) return { ok: true, files: checked };
  return { ok: false, errors: [...names.keys()], refused: Object.fromEntries([...names].map(([key, list]) => [`${key}Files`, list.join(", ")])) };
}

/**
 * Submits a new contribution (or a draft), or saves an edit of one already submitted. Nothing partial is stored:
 * attachments are checked before the transaction, written inside it after every rule passed, and removed again
 * if it does not commit.
 */
export async function submitContribution(actor: Actor, consultationId: string, raw: unknown, files: UploadedFile[] = []): Promise<Result<Receipt>> {
  const themes = await themesOf(consultationId);
  const withMeta = { ...(typeof raw === "object" && raw !== null ? raw : {}), attachments: files.map((f) => ({ name: f.name, size: f.bytes.byteLength })) };
  const parsed = contributionSchema(themes.map((t) => t.slug)).safeParse(withMeta);
  if (!parsed.success) return failure("invalidInput", 400, fieldErrorsOf(parsed.error));
  const input = parsed.data;

  // A double click sends the same key twice: answer with the first receipt, store nothing new.
  const earlier = await receiptFor(actor.id, input.idempotencyKey);
  if (earlier) return { ok: true, data: earlier };

  const checked = await checkFiles(files);
  if (!checked.ok) return failure("invalidInput", 400, { attachments: checked.errors }, checked.refused);
  // Published without a name: the files must not name their author either (document properties, XMP...).
  const anonymous = input.visibility === "PUBLIC_ANONYMOUS";
  if (anonymous) {
    const cleaned = await anonymised(checked.files);
    if (!cleaned.ok) return failure("invalidInput", 400, { attachments: [cleaned.error] }, { [`${cleaned.error}Files`]: cleaned.filename });
    checked.files = cleaned.files;
  }

  const written: string[] = [];
  let committed: string[] = [];
  let removedKeys: string[] = [];
  try {
    // New files are stored before the transaction, so it holds its locks while rows are written, not while files are
    // uploaded (to S3, say). Those of a transaction that does not commit are deleted below; one left by a crash is
    // harmless (no row points to it).
    const stored: { file: CheckedAttachment; key: string }[] = [];
    for (const file of checked.files) {
      const key = newStorageKey(new Date());
      written.push(key);
      await storage().put(key, file.bytes, file.mimeType);
      stored.push({ file, key });
    }
    const outcome = await withTransaction(async (tx): Promise<Result<Receipt>> => {
      const attemptKeys: string[] = [];
      committed = attemptKeys;
      removedKeys = [];
      // An edit (or the sending of a draft) locks the row first: an autosave, a moderator or a second window
      // writing the same contribution waits for this transaction, or this one for it, never both at once. The
      // clock is read after the wait, so the phase check and the event's time are those of the actual write.
      if (input.submissionId) await lockRow(tx, "Submission", input.submissionId);
      const open = await assertContributionsOpen(tx, consultationId);
      if (!open.ok) return open.outcome;

      const existing = input.submissionId
        ? await tx.submission.findFirst({
            where: { id: input.submissionId, authorId: actor.id, consultationId },
            select: {
              id: true, status: true, version: true, revision: true, reference: true, contributorKey: true, onBehalfOf: true, organisationId: true, idempotencyKey: true, visibility: true,
              attachments: { select: { id: true, storageKey: true, mimeType: true, filename: true }, orderBy: { createdAt: "asc" } },
            },
          })
        : null;
      if (input.submissionId && !existing) return failure("notFound", 404, { form: ["draftGone"] });
      const isEdit = existing !== null && existing.status !== "DRAFT";
      if (isEdit) {
        // The same form sent twice (a double click): the first one's receipt, nothing stored twice.
        if (existing.idempotencyKey === input.idempotencyKey) return failure("duplicate", 409);
        // Conditional on the version the form was loaded with: whatever happened since (a moderator's decision,
        // an edit in another window) is never overwritten.
        if (input.expectedVersion === undefined) return failure("invalidInput", 400, { form: ["invalidRequest"] });
        if (input.expectedVersion !== existing.version) return changedWhileEditing(existing.status);
        if (!EDITABLE.has(existing.status)) return failure("notEditable", 409, { form: ["notEditable"] });
      }

      // Editing keeps who the contribution counts against: switching "on behalf of" would dodge the cap. An edit keeps
      // the snapshot taken when it was sent (group, verification): later profile changes never rewrite it.
      // One read of the writer: whether the address is confirmed (drafts need no confirmed address; sending does, and
      // the draft stays as it is) and the identity snapshot.
      const writer = await resolveWriter(tx, actor.id, isEdit ? existing.onBehalfOf : input.onBehalfOf, isEdit ? existing.organisationId : input.organisationId);
      if (!writer?.emailVerified) return failure("emailNotVerified", 403, { form: ["emailNotVerified"] });
      const snapshot = writer.identity;
      if (!isEdit && input.onBehalfOf === "ORGANISATION" && snapshot.onBehalfOf !== "ORGANISATION") return failure("invalidInput", 400, { onBehalfOf: ["noOrganisation"] });
      await lockKey(tx, "contributor-cap", consultationId + snapshot.contributorKey);
      const again = await tx.submission.findUnique({ where: { authorId_idempotencyKey: { authorId: actor.id, idempotencyKey: input.idempotencyKey } }, select: { id: true } });
      if (again) return failure("duplicate", 409);

      if (!isEdit) {
        // Rejected, hidden and withdrawn contributions free their place: a secretariat's decision never locks a person or
        // an organisation out of the round (the same rule as the form's "2 of 3 left", lib/submissions/cap.ts).
        const count = await tx.submission.count({ where: { consultationId, contributorKey: snapshot.contributorKey, status: { notIn: NOT_COUNTED } } });
        if (count >= open.maxPerContributor) {
          return failure("capReached", 409, { form: ["capReached"] }, { cap: open.maxPerContributor, count });
        }
      }

      const kept = existing?.attachments.filter((a) => input.keepAttachments.includes(a.id)) ?? [];
      const removed = existing?.attachments.filter((a) => !input.keepAttachments.includes(a.id)) ?? [];
      if (kept.length + checked.files.length > MAX_ATTACHMENTS) return failure("invalidInput", 400, { attachments: ["tooManyAttachments"] });

      // A contribution that was published with a name and now is not: the files it keeps are cleaned as well.
      const keptToClean = anonymous && existing && existing.visibility !== "PUBLIC_ANONYMOUS" ? kept : [];
      const recleaned: { id: string; file: CheckedAttachment; oldKey: string }[] = [];
      for (const [i, attachment] of keptToClean.entries()) {
        const stored = await storage().get(attachment.storageKey);
        if (!stored) return failure("invalidInput", 400, { attachments: ["attachmentNotCleanable"] });
        const bytes = new Uint8Array(await new Response(stored.body).arrayBuffer());
        const result = await anonymised([{ filename: attachment.filename, mimeType: attachment.mimeType, size: bytes.byteLength, sha256: "", bytes }], i);
        if (!result.ok || !result.files[0]) return failure("invalidInput", 400, { attachments: [result.ok ? "attachmentNotCleanable" : result.error] });
        recleaned.push({ id: attachment.id, file: result.files[0], oldKey: attachment.storageKey });
      }

      const themeIds = themes.filter((t) => input.themes.includes(t.slug)).map((t) => t.id);
      const reference = existing && !isDraftReference(existing.reference) ? existing.reference : await nextReference(tx, open.consultation.referencePrefix);
      // The lock counter moves on every write; the text's number only when a text is saved, so versions never skip.
      const revision = isEdit ? existing.revision + 1 : 1;
      // Which accounts the queue groups this one with (shared verified domain, same organisation): taken when it is
      // sent, like the rest of the snapshot, and kept by edits.
      const links = isEdit ? {} : await accountLinksOf(tx, actor.id, snapshot.organisationId, writer.account);
      const data = {
        title: input.title, body: input.body, language: input.language, visibility: input.visibility,
        ...(isEdit ? {} : snapshot),
        ...links,
        reference,
        // An edit of a held or published contribution goes back to moderation: the secretariat reviews every text.
        status: "PENDING" as const,
        revision,
        idempotencyKey: input.idempotencyKey,
        source: "WEB" as const,
        ...(isEdit ? {} : { submittedAt: open.now, receivedAt: open.now }),
        publishedAt: null,
        ...(isEdit ? { moderationNote: null } : {}),
      };

      const id = existing?.id ?? randomUUID();
      if (existing) {
        const updated = await tx.submission.updateMany({
          where: { id, authorId: actor.id, version: existing.version, status: existing.status },
          data: { ...data, version: { increment: 1 } },
        });
        if (updated.count !== 1) return changedWhileEditing(existing.status);
        if (removed.length) await tx.attachment.deleteMany({ where: { id: { in: removed.map((a) => a.id) } } });
        await tx.submissionTheme.deleteMany({ where: { submissionId: id } });
        await tx.submissionTheme.createMany({ data: themeIds.map((themeId) => ({ submissionId: id, themeId })) });
      } else {
        // createMany: no read-back of the row (one statement fewer than create), themes in one INSERT.
        await tx.submission.createMany({ data: [{ id, consultationId, authorId: actor.id, ...data, ...snapshot, version: 1 }] });
        if (themeIds.length) await tx.submissionTheme.createMany({ data: themeIds.map((themeId) => ({ submissionId: id, themeId })) });
      }
      await tx.submissionVersion.create({
        data: { submissionId: id, version: revision, title: input.title, body: input.body, language: input.language, themeSlugs: themes.filter((t) => input.themes.includes(t.slug)).map((t) => t.slug), editedById: actor.id },
      });
      await tx.moderationEvent.create({
        data: {
          targetType: "SUBMISSION", submissionId: id, actorId: actor.id, action: isEdit ? "EDIT" : "SUBMIT",
          fromStatus: existing?.status ?? null, toStatus: "PENDING", createdAt: open.now, metadata: { version: revision },
        },
      });
      // Examined for campaigns by a job once this commits (new text and edits alike); never by the queue page.
      await enqueueDetection(tx, "SUBMISSION", id);
      // An edit takes a published or held contribution back to moderation: that can make room for held ones.
      if (isEdit && (existing.status === "PUBLISHED" || existing.status === "HELD_FOR_BALANCE")) await enqueueSettle(tx, consultationId);
      for (const { id: attachmentId, file } of recleaned) {
        const key = newStorageKey(open.now);
        written.push(key);
        attemptKeys.push(key);
        await storage().put(key, file.bytes, file.mimeType);
        await tx.attachment.update({ where: { id: attachmentId }, data: { filename: file.filename, size: file.size, sha256: file.sha256, storageKey: key } });
      }
      if (stored.length) {
        attemptKeys.push(...stored.map((f) => f.key));
        await tx.attachment.createMany({
          data: stored.map(({ file, key }, i) => ({
            submissionId: id, filename: anonymous ? neutralFilename(kept.length + i, file.filename) : file.filename, mimeType: file.mimeType, size: file.size, sha256: file.sha256, storageKey: key,
          })),
        });
      }
      // Files of removed attachments, and the originals of re-cleaned ones, are deleted once this commits.
      removedKeys = [...removed.map((a) => a.storageKey), ...recleaned.map((r) => r.oldKey)];
      // The receipt, in-app and by e-mail, with the reference: the author's proof of what was sent and when.
      if (!isEdit) {
        await notify(tx, {
          userId: actor.id, kind: "received", params: { target: "SUBMISSION", title: input.title, reference, at: open.now.toISOString() },
          link: `${MY_CONTRIBUTIONS_PATH}/${id}`, dedupeKey: `received:${id}`,
        });
      }
      return { ok: true, data: { id, reference, status: "PENDING", consultationSlug: open.consultation.slug, decidedAt: open.now, duplicate: false } };
    });
    if (!outcome.ok) committed = [];
    await removeQuietly(written.filter((k) => !committed.includes(k)));
    if (outcome.ok) await removeQuietly(removedKeys);
    if (!outcome.ok && outcome.error === "duplicate") {
      const first = await receiptFor(actor.id, input.idempotencyKey);
      if (first) return { ok: true, data: first };
    }
    return outcome;
  } catch (error) {
    await removeQuietly(written);
    if (isUniqueViolation(error, "idempotencyKey")) {
      const first = await receiptFor(actor.id, input.idempotencyKey);
      if (first) return { ok: true, data: first };
    }
    throw error;
  }
}

async function removeQuietly(keys: string[]): Promise<void> {
  for (const key of keys) {
    // A leftover file is harmless (no row points to it); a failed cleanup must not turn success into an error.
    await storage().delete(key).catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Withdraw

/**
 * Withdraws a sent contribution (or discards a draft), conditional on the version the author's page showed: a
 * contribution the secretariat hid or rejected meanwhile keeps that decision and its public notice.
 */
export async function withdrawContribution(actor: Actor, submissionId: string, expectedVersion: number): Promise<Result<{ id: string; discarded: boolean }>> {
  const outcome = await withTransaction(async (tx): Promise<Result<{ id: string; discarded: boolean; keys: string[] }>> => {
    await lockRow(tx, "Submission", submissionId);
    const row = await tx.submission.findFirst({
      where: { id: submissionId, authorId: actor.id },
      select: { id: true, status: true, version: true, consultationId: true, attachments: { select: { storageKey: true } } },
    });
    if (!row) return failure("notFound", 404);
    const open = await assertContributionsOpen(tx, row.consultationId);
    if (!open.ok) return open.outcome;
    if (row.version !== expectedVersion) return changedWhileEditing(row.status);
    if (row.status === "DRAFT") {
      await tx.submission.delete({ where: { id: row.id } });
      return { ok: true, data: { id: row.id, discarded: true, keys: row.attachments.map((a) => a.storageKey) } };
    }
    if (!EDITABLE.has(row.status)) return failure("notWithdrawable", 409, { form: ["notWithdrawable"] });
    const updated = await tx.submission.updateMany({ where: { id: row.id, version: row.version, status: row.status }, data: { status: "WITHDRAWN", version: { increment: 1 } } });
    if (updated.count !== 1) return changedWhileEditing(row.status);
    await tx.moderationEvent.create({
      data: { targetType: "SUBMISSION", submissionId: row.id, actorId: actor.id, action: "WITHDRAW", fromStatus: row.status, toStatus: "WITHDRAWN", createdAt: open.now, metadata: { version: row.version + 1 } },
    });
    // A withdrawn published or held contribution changes the counts the held queue waits on.
    if (row.status === "PUBLISHED" || row.status === "HELD_FOR_BALANCE") await enqueueSettle(tx, row.consultationId);
    return { ok: true, data: { id: row.id, discarded: false, keys: [] } };
  });
  if (!outcome.ok) return outcome;
  await removeQuietly(outcome.data.keys);
  return { ok: true, data: { id: outcome.data.id, discarded: outcome.data.discarded } };
}

// ---------------------------------------------------------------------------------------------------------
// Reads for the participant

export async function listMyContributions(userId: string) {
  return db.submission.findMany({
    where: { authorId: userId },
    orderBy: [{ updatedAt: "desc" }],
    take: 500,
    select: {
      id: true, reference: true, title: true, status: true, moderationNote: true, submittedAt: true, updatedAt: true, version: true, visibility: true,
      consultation: { select: { slug: true, title: true, contributionsOpenAt: true, contributionsCloseAt: true } },
      moderationEvents: { where: { reason: { not: null } }, orderBy: { createdAt: "desc" }, take: 1, select: { reason: true, action: true, createdAt: true } },
      attachments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, filename: true, size: true } },
    },
  });
}

/** The form's starting point: the consultation, the participant's profile and the contribution being edited, if any. */
export async function getContributionContext(userId: string, slug: string, submissionId?: string) {
  const consultation = await db.consultation.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      id: true, slug: true, title: true, contributionsOpenAt: true, contributionsCloseAt: true,
      themes: { orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, slug: true, title: true, description: true } },
    },
  });
  if (!consultation) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, locale: true, organisation: { select: { id: true, name: true } } } });
  if (!user) return null;
  // "On behalf of" offers the organisations the person is an approved member of, nothing typed.
  const organisations = (await approvedMembershipsOf(db, userId)).map((m) => ({ id: m.organisation.id, name: m.organisation.name, verified: m.organisation.verification === "VERIFIED" }));
  const where = submissionId ? { id: submissionId, authorId: userId, consultationId: consultation.id } : { authorId: userId, consultationId: consultation.id, status: "DRAFT" as const };
  const submission = await db.submission.findFirst({
    where,
    orderBy: { updatedAt: "desc" },
    select: {
      id: true, reference: true, status: true, version: true, title: true, body: true, language: true, visibility: true, onBehalfOf: true, organisationId: true, organisationName: true, updatedAt: true,
      themes: { select: { theme: { select: { slug: true } } } },
      attachments: { select: { id: true, filename: true, size: true, mimeType: true } },
    },
  });
  return { consultation, user, organisations, submission: submission && (submission.status === "DRAFT" || EDITABLE.has(submission.status)) ? submission : null };
}

export async function getReceipt(userId: string, submissionId: string) {
  return db.submission.findFirst({
    where: { id: submissionId, authorId: userId, status: { not: "DRAFT" } },
    select: {
      id: true, reference: true, status: true, title: true, body: true, language: true, submittedAt: true, updatedAt: true, version: true, revision: true, moderationNote: true,
      // Who it was sent as (the snapshot taken when it was sent): on behalf of which organisation, under which group.
      onBehalfOf: true, organisationName: true, organisation: { select: { slug: true } }, stakeholderGroup: true, groupVerified: true, groupVerifiedBy: true,
      consultation: { select: { slug: true, title: true, contributionsOpenAt: true, contributionsCloseAt: true } },
      // What the author sent, so the receipt can show it: their files and every saved version.
      attachments: { orderBy: { createdAt: "asc" }, select: { id: true, filename: true, size: true } },
      versions: { orderBy: { version: "desc" }, select: { version: true, title: true, createdAt: true } },
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Secretariat

/** Every saved version of a contribution with its private author, for the secretariat. */
export async function getContributionHistory(actor: Actor, slug: string, reference: string) {
  if (actor.role !== "SECRETARIAT" && actor.role !== "ADMIN") return null;
  const row = await db.submission.findFirst({
    where: { reference, consultation: { slug } },
    select: {
      id: true, reference: true, title: true, status: true, source: true, externalId: true, visibility: true, onBehalfOf: true, contributorName: true, organisationName: true,
      stakeholderGroup: true, country: true, region: true, developing: true, gender: true, submittedAt: true, receivedAt: true, publishedAt: true, revision: true, moderationNote: true,
      author: { select: { id: true, name: true, email: true } },
      consultation: { select: { slug: true, title: true, themes: { select: { slug: true, title: true } } } },
      importBatch: { select: { filename: true, createdAt: true, importedBy: { select: { name: true } } } },
      versions: { orderBy: { version: "desc" }, select: { version: true, title: true, body: true, language: true, themeSlugs: true, createdAt: true, editedBy: { select: { name: true } } } },
      moderationEvents: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true, fromStatus: true, toStatus: true, reason: true, metadata: true, createdAt: true, actorId: true, actor: { select: { name: true } } } },
      attachments: { select: { id: true, filename: true, size: true, mimeType: true, sha256: true } },
    },
  });
  // The events as sentences, each author's edit with what it changed against the version before.
  return row ? { ...row, history: contributionHistory(row.author?.id ?? null, row.versions, row.moderationEvents) } : null;
}
