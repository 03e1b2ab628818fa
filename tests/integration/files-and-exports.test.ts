// Files and exports: anonymous means anonymous in the files too, spreadsheets never run a contributor's text, a hidden
// contribution's files are not kept by shared caches, and an action never echoes back more than its fields take.
import { PDFDocument } from "pdf-lib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { storage } from "@/lib/storage";
import { submitContribution } from "@/lib/submissions/service";
import { moderate } from "@/lib/moderation/service";
import { BODY_MAX } from "@/lib/submissions/limits";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildPublishedSubmission, contributionInput, withTemporaryStorage } from "../fixtures/submissions";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async (original) => ({ ...(await original<typeof import("@/lib/auth/session")>()), getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({ redirect: (url: string) => { throw new Error(`redirect:${url}`); }, notFound: () => { throw new Error("notFound"); } }));

const { submitContributionAction } = await import("@/app/(participant)/consultations/[slug]/contribute/actions");
const { GET: exportCsv } = await import("@/app/api/v1/consultations/[slug]/submissions.csv/route");
const { GET: downloadAttachment } = await import("@/app/(public)/consultations/[slug]/contributions/[reference]/attachments/[id]/route");

withTemporaryStorage();

const NAME = "Jane Q. Contributor";

async function pdfByJane(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Community networks need spectrum.");
  doc.setAuthor(NAME);
  doc.setTitle(`Position of ${NAME}`);
  return doc.save();
}

async function storedBytes(storageKey: string): Promise<Uint8Array> {
  const object = await storage().get(storageKey);
  if (!object) throw new Error("missing file");
  return new Uint8Array(await new Response(object.body).arrayBuffer());
}

async function authorOf(bytes: Uint8Array): Promise<[string | undefined, string | undefined]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return [doc.getAuthor(), doc.getTitle()];
}

beforeEach(() => {
  session.user = null;
});

describe("attachments of contributions published without a name", () => {
  it("lose their author metadata and get a neutral name; named ones keep theirs", async () => {
    const consultation = await buildConsultation();
    const user = await buildUser({ name: NAME });
    const pdf = await pdfByJane();
    const anonymous = await submitContribution(user, consultation.id, contributionInput({ visibility: "PUBLIC_ANONYMOUS" }), [{ name: `${NAME} - position.pdf`, bytes: pdf }]);
    const named = await submitContribution(user, consultation.id, contributionInput({ visibility: "PUBLIC_NAMED" }), [{ name: "position.pdf", bytes: pdf }]);
    if (!anonymous.ok || !named.ok) throw new Error(JSON.stringify([anonymous, named]));
    const [a] = await db.attachment.findMany({ where: { submissionId: anonymous.data.id } });
    const [n] = await db.attachment.findMany({ where: { submissionId: named.data.id } });
    if (!a || !n) throw new Error("attachments missing");
    expect(a.filename).toBe("attachment-1.pdf");
    expect(await authorOf(await storedBytes(a.storageKey))).toEqual([undefined, undefined]);
    expect(n.filename).toBe("position.pdf");
    expect(await authorOf(await storedBytes(n.storageKey))).toEqual([NAME, `Position of ${NAME}`]);
  });

  it("are cleaned when an edit turns a named contribution into an anonymous one", async () => {
    const consultation = await buildConsultation();
    const user = await buildUser({ name: NAME });
    const sent = await submitContribution(user, consultation.id, contributionInput({ visibility: "PUBLIC_NAMED" }), [{ name: "mine.pdf", bytes: await pdfByJane() }]);
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    const before = await db.attachment.findFirstOrThrow({ where: { submissionId: sent.data.id } });
    const edit = await submitContribution(user, consultation.id, contributionInput({ submissionId: sent.data.id, expectedVersion: 1, visibility: "PUBLIC_ANONYMOUS", keepAttachments: [before.id] }));
    expect(edit).toMatchObject({ ok: true });
    const after = await db.attachment.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.filename).toBe("attachment-1.pdf");
    expect(after.storageKey).not.toBe(before.storageKey);
    expect(await authorOf(await storedBytes(after.storageKey))).toEqual([undefined, undefined]);
    // The original, with the name in it, is gone from storage.
    expect(await storage().get(before.storageKey)).toBeNull();
  });

  it("are refused, with the reason, when they cannot be cleaned", async () => {
    const consultation = await buildConsultation();
    const user = await buildUser();
    const encrypted = Buffer.from(Buffer.from(await pdfByJane()).toString("latin1").replace("/Root", "/Encrypt 1 0 R\n/Root"), "latin1");
    const result = await submitContribution(user, consultation.id, contributionInput({ visibility: "PUBLIC_ANONYMOUS" }), [{ name: "locked.pdf", bytes: encrypted }]);
    expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { attachments: ["attachmentNotCleanable"] } });
    expect(await db.submission.count({ where: { consultationId: consultation.id } })).toBe(0);
  });
});

describe("attachment downloads", () => {
  it("are private and revalidated, so a hidden contribution's file is not served from a cache", async () => {
    const consultation = await buildConsultation();
    const user = await buildUser();
    const secretariat = await buildUser({ role: "SECRETARIAT" });
    const sent = await submitContribution(user, consultation.id, contributionInput(), [{ name: "a.pdf", bytes: await pdfByJane() }]);
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    expect(await moderate(secretariat, { verb: "publish", target: { type: "SUBMISSION", id: sent.data.id } })).toMatchObject({ ok: true });
    const attachment = await db.attachment.findFirstOrThrow({ where: { submissionId: sent.data.id } });
    const params = { params: Promise.resolve({ slug: consultation.slug, reference: sent.data.reference, id: attachment.id }) };
    const url = `http://agora.test/consultations/${consultation.slug}/contributions/${sent.data.reference}/attachments/${attachment.id}`;
    const first = await downloadAttachment(new Request(url), params);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const etag = first.headers.get("etag");
    expect(etag).toBe(`"${attachment.sha256}"`);
    const again = await downloadAttachment(new Request(url, { headers: { "if-none-match": etag ?? "" } }), params);
    expect(again.status).toBe(304);
    expect(await moderate(secretariat, { verb: "hide", target: { type: "SUBMISSION", id: sent.data.id }, reason: "Personal data." })).toMatchObject({ ok: true });
    const hidden = await downloadAttachment(new Request(url, { headers: { "if-none-match": etag ?? "" } }), params);
    expect(hidden.status).toBe(404);
  });
});

describe("the open-data CSV", () => {
  it("neutralises formula injection in every cell", async () => {
    const consultation = await buildConsultation();
    await buildPublishedSubmission({ consultationId: consultation.id, organisationName: '=HYPERLINK("https://evil.example","Click")', title: "+SUM(1)", body: "-1 and @mention are fine in text" });
    const response = await exportCsv(new Request(`http://agora.test/api/v1/consultations/${consultation.slug}/submissions.csv`), { params: Promise.resolve({ slug: consultation.slug }) });
    const csv = await response.text();
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""Click"")"`);
    expect(csv).toContain(",'+SUM(1),");
    expect(csv).toContain(",'-1 and @mention are fine in text,");
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});

describe("action responses", () => {
  it("do not echo back an oversized field", async () => {
    const consultation = await buildConsultation();
    const user = await buildUser();
    session.user = { id: user.id, email: user.email, name: user.name, role: user.role, stakeholderGroup: user.stakeholderGroup, country: user.country, organisationId: user.organisationId, locale: user.locale };
    const form = new FormData();
    for (const [key, value] of Object.entries(contributionInput())) for (const v of [value].flat()) form.append(key, String(v));
    form.set("body", "x".repeat(10 * 1024 * 1024));
    const state = await submitContributionAction(consultation.id, { status: "idle" }, form);
    expect(state).toMatchObject({ status: "error", fieldErrors: { body: ["bodyTooLong"] } });
    expect(JSON.stringify(state).length).toBeLessThan(BODY_MAX + 10_000);
  });
});
