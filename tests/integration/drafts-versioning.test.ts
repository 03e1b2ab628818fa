import { describe, expect, it } from "vitest";
import { Document, Packer, Paragraph as DocxParagraph, HeadingLevel } from "docx";
import { db } from "@/lib/db/client";
import { createDraft, publishDraftVersion, setDraftCommentPeriod, closeDraftComments, getPublicDraft } from "@/lib/drafts/service";
import { createComment } from "@/lib/comments/service";
import { listThread, listThreadsOnRemovedParagraphs } from "@/lib/comments/queries";
import { buildConsultation, buildUser } from "../fixtures/users";
import { PROGRAMME, buildDraft, latestParagraphs, paragraphNumber, publishVersion } from "../fixtures/drafts";

describe("creating a draft", () => {
  it("numbers every paragraph and list item continuously, turns headings into sections, and audits it", async () => {
    const { draft, paragraphs, secretariat } = await buildDraft();
    expect(paragraphs.map((p) => [p.kind, p.number])).toEqual([
      ["HEADING", null], ["HEADING", null], ["PARAGRAPH", 1], ["PARAGRAPH", 2], ["HEADING", null],
      ["LIST_ITEM", 3], ["LIST_ITEM", 4], ["LIST_ITEM", 5], ["LIST_ITEM", 6], ["HEADING", null], ["PARAGRAPH", 7],
    ]);
    expect(paragraphNumber(paragraphs, 3).sectionTitle).toBe("Main sessions");
    expect(new Set(paragraphs.map((p) => p.anchorId)).size).toBe(paragraphs.length);
    const audit = await db.auditEvent.findMany({ where: { entityId: draft.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["draft.create", secretariat.id]]);
  });

  it("refuses participants and changes nothing", async () => {
    const consultation = await buildConsultation();
    const participant = await buildUser();
    const result = await createDraft(participant, consultation.id, { title: "Sneaky", slug: "sneaky", source: PROGRAMME });
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(await db.draftDocument.count({ where: { consultationId: consultation.id } })).toBe(0);
  });

  it("rejects an empty document and a taken slug with field errors", async () => {
    const { consultation, draft, secretariat } = await buildDraft();
    expect(await createDraft(secretariat, consultation.id, { title: "Empty", slug: "empty-one", source: "# Only a heading" }))
      .toMatchObject({ ok: false, fieldErrors: { source: ["sourceEmpty"] } });
    expect(await createDraft(secretariat, consultation.id, { title: "Again", slug: draft.slug, source: PROGRAMME }))
      .toMatchObject({ ok: false, fieldErrors: { slug: ["slugTaken"] } });
  });

  it("converts an uploaded DOCX through mammoth", async () => {
    const consultation = await buildConsultation();
    const secretariat = await buildUser({ role: "SECRETARIAT" });
    const doc = new Document({
      sections: [{ children: [
        new DocxParagraph({ text: "Programme", heading: HeadingLevel.HEADING_1 }),
        new DocxParagraph({ text: "First paragraph of the uploaded programme." }),
        new DocxParagraph({ text: "Second paragraph of the uploaded programme." }),
      ] }],
    });
    const bytes = await Packer.toBuffer(doc);
    const result = await createDraft(secretariat, consultation.id, { title: "Uploaded", slug: "uploaded", source: "" }, { name: "programme.docx", bytes: new Uint8Array(bytes) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const paragraphs = await latestParagraphs(result.data.id);
    expect(paragraphs.map((p) => [p.kind, p.number, p.text])).toEqual([
      ["HEADING", null, "Programme"],
      ["PARAGRAPH", 1, "First paragraph of the uploaded programme."],
      ["PARAGRAPH", 2, "Second paragraph of the uploaded programme."],
    ]);
    const bad = await createDraft(secretariat, consultation.id, { title: "Bad", slug: "bad-upload", source: "" }, { name: "x.docx", bytes: new TextEncoder().encode("not a zip") });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { file: ["fileUnreadable"] } });
    const exe = await createDraft(secretariat, consultation.id, { title: "Exe", slug: "exe-upload", source: "" }, { name: "x.exe", bytes: new TextEncoder().encode("MZ") });
    expect(exe).toMatchObject({ ok: false, fieldErrors: { file: ["fileType"] } });
  });
});

describe("publishing a new version", () => {
  it("matches paragraphs through edits, moves, inserts and deletes, and comments follow their paragraph", async () => {
    const { draft, paragraphs: v1 } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const author = await buildUser();
    const onIntro = paragraphNumber(v1, 1);
    const onSecurity = paragraphNumber(v1, 6);
    const onOpenness = paragraphNumber(v1, 5);
    const onWorkshops = paragraphNumber(v1, 7);
    for (const p of [onIntro, onSecurity, onOpenness, onWorkshops]) {
      const r = await createComment(author, { draftId: draft.id, anchorId: p.anchorId, body: `About: ${p.text.slice(0, 20)}` });
      expect(r.ok).toBe(true);
    }

    const v2Source = PROGRAMME
      // edited
      .replace("structured around the themes identified", "structured around the five themes identified")
      // moved: security to the top of the list
      .replace("- A main session on security and trust, including spam and cybercrime.\n", "")
      .replace("- A main session on access", "- A main session on security and trust, including spam and cybercrime.\n- A main session on access")
      // deleted: openness
      .replace("- A main session on openness, freedom of expression and the free flow of information.\n", "")
      // inserted
      .replace("## Workshops\n\n", "## Workshops\n\nA call for workshop proposals opens once the programme is settled.\n\n");
    const { summary, paragraphs: v2 } = await publishVersion(draft.id, v2Source);
    expect(summary).toMatchObject({ number: 2, counts: { EDITED: 1, MOVED: 1, NEW: 1, REMOVED: 1 } });

    const byAnchor = new Map(v2.map((p) => [p.anchorId, p]));
    expect(byAnchor.get(onIntro.anchorId)).toMatchObject({ change: "EDITED", number: 1, previousNumber: 1 });
    expect(byAnchor.get(onSecurity.anchorId)).toMatchObject({ change: "MOVED", number: 3, previousNumber: 6 });
    expect(byAnchor.get(onWorkshops.anchorId)).toMatchObject({ change: "UNCHANGED", number: 7, previousNumber: 7 });
    expect(byAnchor.has(onOpenness.anchorId)).toBe(false);
    const inserted = v2.find((p) => p.text.startsWith("A call for workshop"));
    expect(inserted).toMatchObject({ change: "NEW", number: 6, previousNumber: null });
    expect(v1.map((p) => p.anchorId)).not.toContain(inserted?.anchorId);

    // Comments made on version 1 stay on their paragraph in version 2, marked with the version.
    const introThread = await listThread(draft.id, onIntro.anchorId, null, "oldest");
    expect(introThread.comments.map((c) => [c.versionNumber, c.paragraphNumber])).toEqual([[1, 1]]);
    // The comment on the removed paragraph stays visible, marked as on paragraph 5 of version 1.
    const removed = await listThreadsOnRemovedParagraphs(draft.id, v2.map((p) => p.anchorId), null, "oldest");
    expect(removed.comments.map((c) => [c.anchorId, c.versionNumber, c.paragraphNumber])).toEqual([[onOpenness.anchorId, 1, 5]]);

    // Version 3 from version 2: anchors persist through a chain of versions.
    const { paragraphs: v3 } = await publishVersion(draft.id, v2Source.replace("including spam and cybercrime", "including spam, phishing and cybercrime"));
    expect(v3.find((p) => p.anchorId === onSecurity.anchorId)).toMatchObject({ change: "EDITED", previousNumber: 3 });
    const view = await getPublicDraft((await db.consultation.findUniqueOrThrow({ where: { id: draft.consultationId } })).slug, draft.slug, 1);
    expect(view?.version.number).toBe(1);
    expect(view?.versions.map((v) => v.number)).toEqual([3, 2, 1]);
  });

  it("refuses an unchanged version, participants, and leaves the versions as they were", async () => {
    const { draft, secretariat } = await buildDraft();
    expect(await publishDraftVersion(secretariat, draft.id, { source: PROGRAMME })).toMatchObject({ ok: false, fieldErrors: { source: ["versionUnchanged"] } });
    const participant = await buildUser();
    expect(await publishDraftVersion(participant, draft.id, { source: `${PROGRAMME}\n\nMore.` })).toMatchObject({ ok: false, status: 403 });
    expect(await db.draftVersion.count({ where: { draftId: draft.id } })).toBe(1);
  });
});

describe("the comment period per draft", () => {
  it("lets the secretariat set and close a draft's period, refuses participants, and audits", async () => {
    const { draft, secretariat } = await buildDraft();
    const participant = await buildUser();
    const denied = await setDraftCommentPeriod(participant, draft.id, { commentsOpenAt: "2030-01-01T00:00", commentsCloseAt: "2030-02-01T00:00" });
    expect(denied).toMatchObject({ ok: false, status: 403 });
    expect(await closeDraftComments(participant, draft.id)).toMatchObject({ ok: false, status: 403 });
    expect(await db.draftDocument.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ commentsOpenAt: null, commentsCloseAt: null });

    expect(await setDraftCommentPeriod(secretariat, draft.id, { commentsOpenAt: "2030-01-01T00:00", commentsCloseAt: "2029-01-01T00:00" }))
      .toMatchObject({ ok: false, fieldErrors: { commentsCloseAt: ["closeBeforeOpen"] } });
    expect((await setDraftCommentPeriod(secretariat, draft.id, { commentsOpenAt: "2030-01-01T00:00", commentsCloseAt: "2030-02-01T00:00" })).ok).toBe(true);
    expect(await db.draftDocument.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ commentsOpenAt: new Date("2030-01-01T00:00:00Z") });
    expect((await closeDraftComments(secretariat, draft.id)).ok).toBe(true);
    const closed = await db.draftDocument.findUniqueOrThrow({ where: { id: draft.id } });
    expect(closed.commentsCloseAt?.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    const actions = (await db.auditEvent.findMany({ where: { entityId: draft.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["draft.create", "draft.setCommentPeriod", "draft.closeComments"]);
  });
});
