// Your data: the export holds everything about the person and nothing about anyone else; deleting an account keeps
// the public record (named or anonymous, unlinked), withdraws what waited, deletes drafts, audits without personal data.
import JSZip from "jszip";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { saveDraft, submitContribution } from "@/lib/submissions/service";
import { createComment } from "@/lib/comments/service";
import { moderate } from "@/lib/moderation/service";
import { followConsultation } from "@/lib/follows/service";
import { updatePreferences } from "@/lib/notifications/preferences";
import { attachmentPath } from "@/lib/personal-data/export";
import { deleteAccount } from "@/lib/personal-data/delete";
import { storage } from "@/lib/storage";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { GET } from "@/app/(participant)/profile/data/export/route";
import { buildUser, TEST_PASSWORD } from "../fixtures/users";
import { PDF_BYTES, contributionInput, withTemporaryStorage } from "../fixtures/submissions";
import { buildDraft } from "../fixtures/drafts";

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "PARTICIPANT" | "SECRETARIAT" | "ADMIN" } }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/auth/session")>()), getCurrentUser: vi.fn(async () => session.user) }));

withTemporaryStorage();

function entry(zip: JSZip, name: string) {
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is not in the archive`);
  return file;
}

async function download(userId: string | null) {
  session.user = userId ? { id: userId, role: "PARTICIPANT" } : null;
  return GET();
}

/** A participant with a bit of everything: a contribution (two versions, a PDF), a draft, a comment, a follow. */
async function busyParticipant() {
  const { consultation, draft, secretariat } = await buildDraft({ consultation: { moderationMode: "PRE" } });
  const user = await buildUser({ name: "Priya Export", organisation: "Association for Digital Rights" });
  const sent = await submitContribution(user, consultation.id, contributionInput({ title: "First title" }), [{ name: "paper.pdf", bytes: PDF_BYTES }]);
  if (!sent.ok) throw new Error(JSON.stringify(sent));
  const receipt = await db.submission.findUniqueOrThrow({ where: { id: sent.data.id }, include: { attachments: true } });
  const edited = await submitContribution(user, consultation.id, contributionInput({ submissionId: sent.data.id, expectedVersion: 1, title: "Second title", keepAttachments: receipt.attachments.map((a) => a.id) }));
  if (!edited.ok) throw new Error(JSON.stringify(edited));
  const draftSaved = await saveDraft(user, consultation.id, { title: "Unsent idea", body: "Not sent yet.", themes: [], language: "en", visibility: "PUBLIC_NAMED", onBehalfOf: "SELF" });
  if (!draftSaved.ok) throw new Error(JSON.stringify(draftSaved));
  const comment = await createComment(user, { draftId: draft.id, body: "Remote hubs for every main session, please." });
  if (!comment.ok) throw new Error(JSON.stringify(comment));
  await followConsultation(user, consultation.slug);
  await updatePreferences(user.id, { emailOn: NOTIFICATION_KINDS.filter((k) => k !== "reply"), allEmailOff: false, delivery: "DAILY", version: 0 });
  return { user, consultation, draft, secretariat, submissionId: sent.data.id, reference: sent.data.reference, draftId: draftSaved.data.id, commentId: comment.data.id, attachment: receipt.attachments[0] };
}

describe("download your data", () => {
  it("streams a zip with the JSON of everything about the person and their attachments", async () => {
    const p = await busyParticipant();
    const stranger = await buildUser({ name: "Somebody Else" });
    await submitContribution(stranger, p.consultation.id, contributionInput({ title: "Not yours" }));

    const res = await download(p.user.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="agora-data-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const pdfPath = attachmentPath(p.reference, 0, "paper.pdf");
    expect(Object.keys(zip.files).sort()).toEqual(["agora-data.json", pdfPath].sort());
    expect(new Uint8Array(await entry(zip, pdfPath).async("uint8array"))).toEqual(PDF_BYTES);

    const data = JSON.parse(await entry(zip, "agora-data.json").async("string"));
    expect(data).toMatchObject({ format: "agora-personal-data", version: 1, account: { id: p.user.id, email: p.user.email, name: "Priya Export", organisation: { name: "Association for Digital Rights" } } });
    expect(JSON.stringify(data)).not.toContain("passwordHash");
    expect(JSON.stringify(data)).not.toContain("Not yours");
    expect(data.notificationPreferences).toEqual({ emailOff: ["reply"], allEmailOff: false, delivery: "DAILY" });
    expect(data.follows).toEqual([expect.objectContaining({ consultation: { slug: p.consultation.slug, title: p.consultation.title } })]);
    const sent = data.contributions.find((c: { reference: string }) => c.reference === p.reference);
    expect(sent).toMatchObject({ title: "Second title", status: "PENDING", themes: ["access"] });
    expect(sent.versions.map((v: { title: string }) => v.title)).toEqual(["First title", "Second title"]);
    expect(sent.history.map((h: { action: string; byYou: boolean }) => [h.action, h.byYou])).toEqual([["SUBMIT", true], ["EDIT", true]]);
    expect(sent.attachments).toEqual([expect.objectContaining({ filename: "paper.pdf", mimeType: "application/pdf", size: PDF_BYTES.byteLength, file: pdfPath })]);
    expect(data.contributions.map((c: { status: string }) => c.status).sort()).toEqual(["DRAFT", "PENDING"]);
    expect(data.comments).toEqual([expect.objectContaining({ id: p.commentId, body: "Remote hubs for every main session, please.", status: "PENDING" })]);
    expect(data.notifications.map((n: { kind: string }) => n.kind)).toEqual(["received"]);
    expect(data.notifications[0].params).toMatchObject({ reference: p.reference });
    expect(data.emails).toEqual([expect.objectContaining({ template: "notifications.notification", category: "notifications.received", to: p.user.email })]);
  });

  it("lists a file missing from storage instead of failing the download", async () => {
    const p = await busyParticipant();
    if (!p.attachment) throw new Error("setup");
    await storage().delete(p.attachment.storageKey);
    const zip = await JSZip.loadAsync(await (await download(p.user.id)).arrayBuffer());
    expect(Object.keys(zip.files).sort()).toEqual(["agora-data.json", "missing-files.txt"]);
    expect(await entry(zip, "missing-files.txt").async("string")).toContain(attachmentPath(p.reference, 0, "paper.pdf"));
  });

  it("refuses the signed-out with a JSON 401", async () => {
    const res = await download(null);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "signInRequired" });
  });

  it("keeps file names inside their folder", () => {
    expect(attachmentPath("IGF-000001", 0, "../../etc/passwd")).toBe("attachments/IGF-000001/1-__.._etc_passwd");
    expect(attachmentPath("A/B", 2, "x:y?.pdf")).toBe("attachments/A_B/3-x_y_.pdf");
  });
});

describe("delete your account", () => {
  it("asks for the password and a confirmation, changing nothing otherwise", async () => {
    const p = await busyParticipant();
    expect(await deleteAccount(p.user, { password: "not the password", attribution: "keep", confirm: true })).toMatchObject({ ok: false, fieldErrors: { password: ["wrongPassword"] } });
    expect(await deleteAccount(p.user, { password: TEST_PASSWORD, attribution: "keep", confirm: false })).toMatchObject({ ok: false, fieldErrors: { confirm: ["confirmRequired"] } });
    expect(await deleteAccount(p.user, { password: TEST_PASSWORD, attribution: "maybe", confirm: true })).toMatchObject({ ok: false, fieldErrors: { attribution: ["attributionInvalid"] } });
    expect(await deleteAccount(null, { password: TEST_PASSWORD, attribution: "keep", confirm: true })).toMatchObject({ ok: false, status: 401 });
    expect(await db.user.count({ where: { id: p.user.id } })).toBe(1);
    expect(await db.submission.count({ where: { authorId: p.user.id } })).toBe(2);
  });

  it("keeps published inputs under their snapshot, unlinked; withdraws what waited; deletes drafts; audits with the id only", async () => {
    const p = await busyParticipant();
    const sec = { id: p.secretariat.id, role: "SECRETARIAT" as const };
    // One contribution published; the first one stays pending; the comment is published.
    const published = await submitContribution(p.user, p.consultation.id, contributionInput({ title: "Published one", onBehalfOf: "SELF" }));
    if (!published.ok) throw new Error("setup");
    await moderate(sec, { verb: "publish", target: { type: "SUBMISSION", id: published.data.id } });
    await moderate(sec, { verb: "publish", target: { type: "COMMENT", id: p.commentId } });
    const pending2 = await createComment(p.user, { draftId: p.draft.id, body: "A second thought, still pending." });
    if (!pending2.ok) throw new Error("setup");

    expect(await db.emailMessage.count({ where: { userId: p.user.id } })).toBeGreaterThan(0);
    const result = await deleteAccount(p.user, { password: TEST_PASSWORD, attribution: "keep", confirm: "on" });
    expect(result).toEqual({ ok: true, data: { draftsDeleted: 1, withdrawn: { contributions: 1, comments: 1 }, kept: { contributions: 1, comments: 1 }, attribution: "keep" } });

    expect(await db.user.count({ where: { id: p.user.id } })).toBe(0);
    const kept = await db.submission.findUniqueOrThrow({ where: { id: published.data.id } });
    expect(kept).toMatchObject({ status: "PUBLISHED", authorId: null, contributorName: "Priya Export", visibility: "PUBLIC_NAMED" });
    expect(await db.submission.findUniqueOrThrow({ where: { id: p.submissionId } })).toMatchObject({ status: "WITHDRAWN", authorId: null });
    expect(await db.submission.count({ where: { id: p.draftId } })).toBe(0);
    expect(await db.comment.findUniqueOrThrow({ where: { id: p.commentId } })).toMatchObject({ status: "PUBLISHED", authorId: null, authorName: "Priya Export", anonymous: false });
    expect(await db.comment.findUniqueOrThrow({ where: { id: pending2.data.id } })).toMatchObject({ status: "WITHDRAWN", authorId: null });
    const withdrawal = await db.moderationEvent.findFirstOrThrow({ where: { submissionId: p.submissionId, action: "WITHDRAW" } });
    expect(withdrawal).toMatchObject({ actorId: null, reason: "accountDeleted", fromStatus: "PENDING" });
    // Everything personal that is not part of the record goes with the account.
    expect(await db.notification.count({ where: { userId: p.user.id } })).toBe(0);
    expect(await db.consultationFollow.count({ where: { userId: p.user.id } })).toBe(0);
    expect(await db.notificationPreference.count({ where: { userId: p.user.id } })).toBe(0);
    // The receipt e-mails were in the outbox: no copy of the address, or of what was sent to it, stays there.
    expect(await db.emailMessage.count({ where: { OR: [{ userId: p.user.id }, { toAddress: p.user.email }] } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "account.delete" } });
    expect(audit).toMatchObject({ actorId: null, entityType: "User", entityId: p.user.id });
    const details = JSON.stringify(audit.details);
    for (const personal of [p.user.email, "Priya Export", "Association for Digital Rights"]) expect(details).not.toContain(personal);
    // The attachment of the withdrawn contribution stays with it; the draft had none.
    expect(await db.attachment.count({ where: { submissionId: p.submissionId } })).toBe(1);
  });

  it("turns what stays published anonymous when asked: no name, no organisation", async () => {
    const p = await busyParticipant();
    const sec = { id: p.secretariat.id, role: "SECRETARIAT" as const };
    await moderate(sec, { verb: "publish", target: { type: "SUBMISSION", id: p.submissionId } });
    await moderate(sec, { verb: "publish", target: { type: "COMMENT", id: p.commentId } });
    expect(await deleteAccount(p.user, { password: TEST_PASSWORD, attribution: "anonymous", confirm: true })).toMatchObject({ ok: true, data: { kept: { contributions: 1, comments: 1 } } });
    expect(await db.submission.findUniqueOrThrow({ where: { id: p.submissionId } })).toMatchObject({
      status: "PUBLISHED", authorId: null, visibility: "PUBLIC_ANONYMOUS", contributorName: "", organisationName: null, organisationId: null,
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: p.commentId } })).toMatchObject({ status: "PUBLISHED", authorId: null, anonymous: true, authorName: "", organisationName: null });
  });

  it("removes the address from earlier audit entries about the account", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const u = await buildUser();
    const { setUserRole } = await import("@/lib/roles/service");
    await setUserRole(admin, { userId: u.id, role: "SECRETARIAT" });
    expect(JSON.stringify((await db.auditEvent.findFirstOrThrow({ where: { action: "role.change", entityId: u.id } })).details)).toContain(u.email);
    expect(await deleteAccount({ id: u.id, role: "SECRETARIAT" }, { password: TEST_PASSWORD, attribution: "keep", confirm: true })).toMatchObject({ ok: true });
    const change = await db.auditEvent.findFirstOrThrow({ where: { action: "role.change", entityId: u.id } });
    expect(change.details).toEqual({ from: "PARTICIPANT", to: "SECRETARIAT" });
  });

  it("the last administrator cannot delete their account", async () => {
    const admins = await db.user.findMany({ where: { role: "ADMIN" } });
    const admin = admins[0] ?? (await buildUser({ role: "ADMIN" }));
    for (const other of admins.slice(1)) await db.user.update({ where: { id: other.id }, data: { role: "PARTICIPANT" } });
    expect(await deleteAccount({ id: admin.id, role: "ADMIN" }, { password: TEST_PASSWORD, attribution: "keep", confirm: true })).toMatchObject({ ok: false, error: "lastAdmin", status: 409 });
    expect(await db.user.count({ where: { id: admin.id } })).toBe(1);
  });
});
