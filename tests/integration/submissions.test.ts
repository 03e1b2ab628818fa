import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { saveDraft, submitContribution, withdrawContribution, listMyContributions, getContributionHistory } from "@/lib/submissions/service";
import { buildConsultation, buildUser } from "../fixtures/users";
import { DiskStorage, setStorageForTests } from "@/lib/storage";
import { PDF_BYTES, PNG_BYTES, contributionInput, withTemporaryStorage } from "../fixtures/submissions";

const storageDir = withTemporaryStorage();
const MB = 1024 * 1024;

function storedFiles(): string[] {
  try {
    return readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

async function setup(overrides: Parameters<typeof buildConsultation>[0] = {}) {
  const consultation = await buildConsultation(overrides);
  const user = await buildUser({ country: "KE", stakeholderGroup: "GOVERNMENT" });
  return { consultation, user };
}

describe("submitting a contribution", () => {
  it("stores it as pending with a receipt reference, a snapshot of the contributor, a first version and an event", async () => {
    const { consultation, user } = await setup();
    const result = await submitContribution(user, consultation.id, contributionInput({ themes: ["access", "security"] }), [{ name: "paper.pdf", bytes: PDF_BYTES }]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data.reference).toMatch(/^TST-\d{6}$/);
    expect(result.data.status).toBe("PENDING");
    const row = await db.submission.findUniqueOrThrow({ where: { id: result.data.id }, include: { themes: { include: { theme: true } }, versions: true, attachments: true, moderationEvents: true, organisation: true } });
    expect(row).toMatchObject({
      status: "PENDING", stakeholderGroup: "GOVERNMENT", country: "KE", region: "AFRICAN", developing: true, onBehalfOf: "ORGANISATION",
      contributorKey: `org:${user.organisationId}`, organisationName: row.organisation?.name, contributorName: "Test Person", source: "WEB",
    });
    expect(row.submittedAt).not.toBeNull();
    expect(row.themes.map((t) => t.theme.slug).sort()).toEqual(["access", "security"]);
    expect(row.versions.map((v) => v.version)).toEqual([1]);
    expect(row.moderationEvents.map((e) => e.action)).toEqual(["SUBMIT"]);
    expect(row.attachments).toHaveLength(1);
    expect(row.attachments[0]).toMatchObject({ filename: "paper.pdf", mimeType: "application/pdf", size: PDF_BYTES.byteLength });
    expect(row.attachments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(storedFiles().some((f) => f.endsWith(row.attachments[0]?.storageKey.split("/")[1] ?? "none"))).toBe(true);
  });

  it("counts an individual as their own contributor", async () => {
    const { consultation, user } = await setup();
    const result = await submitContribution(user, consultation.id, contributionInput({ onBehalfOf: "SELF" }));
    if (!result.ok) throw new Error(JSON.stringify(result));
    const row = await db.submission.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row).toMatchObject({ contributorKey: `user:${user.id}`, organisationId: null, organisationName: null, onBehalfOf: "SELF" });
  });

  it("answers a double submit with the first receipt and stores one contribution", async () => {
    const { consultation, user } = await setup();
    const input = contributionInput();
    const [a, b] = await Promise.all([submitContribution(user, consultation.id, input), submitContribution(user, consultation.id, input)]);
    if (!a.ok || !b.ok) throw new Error(JSON.stringify([a, b]));
    expect(a.data.reference).toBe(b.data.reference);
    expect([a.data.duplicate, b.data.duplicate].sort()).toEqual([false, true]);
    expect(await db.submission.count({ where: { consultationId: consultation.id } })).toBe(1);
  });

  it("refuses the contribution over the cap with the cap and the count, per organisation", async () => {
    const { consultation, user } = await setup();
    await db.balancePolicy.update({ where: { consultationId: consultation.id }, data: { maxPerContributor: 2 } });
    const colleague = await buildUser({ organisation: (await db.organisation.findUniqueOrThrow({ where: { id: user.organisationId ?? "" } })).name });
    expect((await submitContribution(user, consultation.id, contributionInput())).ok).toBe(true);
    expect((await submitContribution(colleague, consultation.id, contributionInput())).ok).toBe(true);
    const third = await submitContribution(user, consultation.id, contributionInput());
    expect(third).toMatchObject({ ok: false, error: "capReached", status: 409, params: { cap: 2, count: 2 } });
    // On their own behalf, the person is a separate contributor.
    expect((await submitContribution(user, consultation.id, contributionInput({ onBehalfOf: "SELF" }))).ok).toBe(true);
    expect(await db.submission.count({ where: { consultationId: consultation.id } })).toBe(3);
  });

  it("enforces the cap under concurrent submissions", async () => {
    const { consultation, user } = await setup();
    const results = await Promise.all(Array.from({ length: 6 }, () => submitContribution(user, consultation.id, contributionInput())));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await db.submission.count({ where: { consultationId: consultation.id } })).toBe(3);
  });

  it("refuses a closed or not yet open consultation with a clear message and stores nothing", async () => {
    const hour = 3600_000;
    const { consultation, user } = await setup({ contributionsOpenAt: new Date(Date.now() - 2 * hour), contributionsCloseAt: new Date(Date.now() - 1000) });
    const closed = await submitContribution(user, consultation.id, contributionInput(), [{ name: "paper.pdf", bytes: PDF_BYTES }]);
    expect(closed).toMatchObject({ ok: false, error: "phaseClosed", fieldErrors: { form: ["phaseClosed"] } });
    const future = await buildConsultation({ contributionsOpenAt: new Date(Date.now() + hour), contributionsCloseAt: new Date(Date.now() + 2 * hour) });
    expect(await submitContribution(user, future.id, contributionInput())).toMatchObject({ ok: false, error: "phaseNotOpen" });
    expect(await db.submission.count({ where: { consultationId: { in: [consultation.id, future.id] } } })).toBe(0);
    expect(await db.attachment.count({ where: { submission: { consultationId: consultation.id } } })).toBe(0);
  });

  it("rejects bad input field by field and stores nothing", async () => {
    const { consultation, user } = await setup();
    const before = storedFiles().length;
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ title: "  " }, { title: ["titleRequired"] }],
      [{ title: "x".repeat(201) }, { title: ["titleTooLong"] }],
      [{ body: "" }, { body: ["bodyTooShort"] }],
      [{ body: "x".repeat(20 * 1024 * 1024) }, { body: ["bodyTooLong"] }],
      [{ body: "Broken bytes here \uFFFD in the middle of a long enough text" }, { body: ["invalidText"] }],
      [{ themes: ["nope"] }, { themes: ["themeUnknown"] }],
      [{ themes: [] }, { themes: ["themeRequired"] }],
      [{ language: "xx" }, { language: ["languageInvalid"] }],
    ];
    for (const [override, expected] of cases) {
      const result = await submitContribution(user, consultation.id, contributionInput(override));
      expect(result, JSON.stringify(override).slice(0, 60)).toMatchObject({ ok: false, error: "invalidInput", fieldErrors: expected });
    }
    const attachmentCases: [{ name: string; bytes: Uint8Array }[], string][] = [
      [Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.pdf`, bytes: PDF_BYTES })), "tooManyAttachments"],
      [[{ name: "image.png", bytes: PNG_BYTES }], "attachmentType"],
      [[{ name: "lying.pdf", bytes: PNG_BYTES }], "attachmentMismatch"],
      [[{ name: "notes.txt", bytes: PDF_BYTES }], "attachmentMismatch"],
      [[{ name: "latin1.txt", bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x21]) }], "attachmentNotUtf8"],
      [[{ name: "big.pdf", bytes: new Uint8Array(10 * MB + 1) }], "attachmentTooLarge"],
    ];
    for (const [files, error] of attachmentCases) {
      const result = await submitContribution(user, consultation.id, contributionInput(), files);
      expect(result, error).toMatchObject({ ok: false, fieldErrors: { attachments: expect.arrayContaining([error]) } });
    }
    expect(await db.submission.count({ where: { consultationId: consultation.id } })).toBe(0);
    expect(storedFiles().length).toBe(before);
  });

  it("names the files it refuses, by reason, so the form can keep the others chosen", async () => {
    const { consultation, user } = await setup();
    const files = [
      { name: "fine.pdf", bytes: PDF_BYTES }, { name: "lying.pdf", bytes: PNG_BYTES },
      { name: "notes.txt", bytes: PDF_BYTES }, { name: "latin1.txt", bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) },
    ];
    const result = await submitContribution(user, consultation.id, contributionInput(), files);
    expect(result).toMatchObject({
      ok: false, fieldErrors: { attachments: ["attachmentMismatch", "attachmentNotUtf8"] },
      params: { attachmentMismatchFiles: "lying.pdf, notes.txt", attachmentNotUtf8Files: "latin1.txt" },
    });
    expect(await db.submission.count({ where: { consultationId: consultation.id } })).toBe(0);
  });

  it("accepts UTF-8 text and Markdown attachments", async () => {
    const { consultation, user } = await setup();
    const files = [{ name: "notes.txt", bytes: new TextEncoder().encode("Café, مرحبا, 你好") }, { name: "notes.md", bytes: new TextEncoder().encode("# Title\n\nText") }];
    const result = await submitContribution(user, consultation.id, contributionInput(), files);
    expect(result.ok).toBe(true);
  });

  it("removes the files it wrote when the transaction fails", async () => {
    const { consultation, user } = await setup();
    const before = storedFiles().length;
    // The second file cannot be stored: the first, already written, must not be left behind, nor any row.
    const disk = new DiskStorage(storageDir);
    let puts = 0;
    setStorageForTests({
      put: async (key, bytes, type) => {
        if (++puts === 2) throw new Error("disk full");
        await disk.put(key, bytes);
        void type;
      },
      get: (key) => disk.get(key),
      delete: (key) => disk.delete(key),
    });
    try {
      const files = [{ name: "a.pdf", bytes: PDF_BYTES }, { name: "b.pdf", bytes: PDF_BYTES }];
      await expect(submitContribution(user, consultation.id, contributionInput(), files)).rejects.toThrow("disk full");
    } finally {
      setStorageForTests(disk);
    }
    expect(puts).toBe(2);
    expect(storedFiles().length).toBe(before);
    expect(await db.submission.count({ where: { consultationId: consultation.id } })).toBe(0);
  });
});

describe("drafts, edits and withdrawal", () => {
  it("autosaves an incomplete draft, then submits it under a real reference", async () => {
    const { consultation, user } = await setup();
    const draft = await saveDraft(user, consultation.id, { title: "Half", body: "", themes: [], language: "fr", onBehalfOf: "SELF", visibility: "PUBLIC_ANONYMOUS" });
    if (!draft.ok) throw new Error(JSON.stringify(draft));
    const again = await saveDraft(user, consultation.id, { submissionId: draft.data.id, title: "Half done", body: "More", themes: ["security"], language: "fr", onBehalfOf: "SELF", visibility: "PUBLIC_ANONYMOUS" });
    expect(again.ok).toBe(true);
    expect(await db.submission.findUniqueOrThrow({ where: { id: draft.data.id } })).toMatchObject({ status: "DRAFT", title: "Half done" });
    const mine = await listMyContributions(user.id);
    expect(mine.map((m) => m.status)).toEqual(["DRAFT"]);

    const submitted = await submitContribution(user, consultation.id, contributionInput({ submissionId: draft.data.id }));
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    expect(submitted.data.id).toBe(draft.data.id);
    expect(submitted.data.reference).toMatch(/^TST-\d{6}$/);
    expect(await db.submission.count({ where: { consultationId: consultation.id } })).toBe(1);
  });

  it("keeps a version history of edits that the secretariat can read, and only the secretariat", async () => {
    const { consultation, user } = await setup();
    const first = await submitContribution(user, consultation.id, contributionInput(), [{ name: "a.pdf", bytes: PDF_BYTES }]);
    if (!first.ok) throw new Error("setup");
    const attachment = await db.attachment.findFirstOrThrow({ where: { submissionId: first.data.id } });
    const edit = await submitContribution(user, consultation.id, contributionInput({ submissionId: first.data.id, expectedVersion: 1, title: "A better title", keepAttachments: [attachment.id], onBehalfOf: "SELF" }));
    if (!edit.ok) throw new Error(JSON.stringify(edit));
    expect(edit.data.reference).toBe(first.data.reference);
    const row = await db.submission.findUniqueOrThrow({ where: { id: first.data.id }, include: { attachments: true } });
    // The edit cannot move the contribution to another contributor (that would dodge the cap).
    expect(row).toMatchObject({ version: 2, title: "A better title", onBehalfOf: "ORGANISATION", status: "PENDING" });
    expect(row.attachments).toHaveLength(1);

    // My contributions lists each file the contribution keeps.
    expect((await listMyContributions(user.id))[0]?.attachments).toMatchObject([{ filename: "a.pdf", size: PDF_BYTES.byteLength }]);

    const secretariat = await buildUser({ role: "SECRETARIAT" });
    const history = await getContributionHistory(secretariat, consultation.slug, first.data.reference);
    expect(history?.versions.map((v) => [v.version, v.title])).toEqual([[2, "A better title"], [1, "Affordable access for rural communities"]]);
    expect(history?.author?.email).toBe(user.email);
    expect(await getContributionHistory(user, consultation.slug, first.data.reference)).toBeNull();
  });

  it("lets the author withdraw until the phase closes, and not someone else", async () => {
    const { consultation, user } = await setup();
    const other = await buildUser();
    const sent = await submitContribution(user, consultation.id, contributionInput());
    if (!sent.ok) throw new Error("setup");
    expect(await withdrawContribution(other, sent.data.id, 1)).toMatchObject({ ok: false, status: 404 });
    expect(await withdrawContribution(user, sent.data.id, 1)).toMatchObject({ ok: true });
    expect((await db.submission.findUniqueOrThrow({ where: { id: sent.data.id } })).status).toBe("WITHDRAWN");
    // A withdrawn contribution frees its place under the cap.
    for (let i = 0; i < 3; i++) expect((await submitContribution(user, consultation.id, contributionInput())).ok).toBe(true);
    await db.consultation.update({ where: { id: consultation.id }, data: { contributionsCloseAt: new Date(Date.now() - 1000) } });
    const last = await db.submission.findFirstOrThrow({ where: { consultationId: consultation.id, status: "PENDING" } });
    expect(await withdrawContribution(user, last.id, last.version)).toMatchObject({ ok: false, error: "phaseClosed" });
  });
});
