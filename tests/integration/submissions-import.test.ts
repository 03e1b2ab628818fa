import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { previewImport, runImport } from "@/lib/import/service";
import { buildConsultation, buildUser } from "../fixtures/users";
import { PDF_BYTES, withTemporaryStorage } from "../fixtures/submissions";

withTemporaryStorage();
const enc = (s: string) => new TextEncoder().encode(s);

const CSV = [
  "title,body,contributor_name,organisation,stakeholder_group,country,themes,language,received_at,external_id",
  'Letter from the ministry,"We support the programme, with comments.",Amina Diallo,Ministère du Numérique,GOVERNMENT,SN,access;security,fr,2026-02-01,mail-1',
  "Individual view,Please keep remote participation free.,Jo Smith,,CIVIL_SOCIETY,GB,access,en,2026-02-02T10:00:00Z,mail-2",
].join("\r\n");

describe("secretariat import", () => {
  it("previews every row without storing anything, then imports the file, audited and idempotent on external id", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const preview = await previewImport(sec, c.slug, "inputs.csv", enc(CSV));
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    expect(preview.data).toMatchObject({ total: 2, valid: 2, invalid: 0, skipped: 0 });
    expect(await db.submission.count({ where: { consultationId: c.id } })).toBe(0);

    const first = await runImport(sec, c.slug, "inputs.csv", enc(CSV), { expectedHash: preview.data.fileHash });
    if (!first.ok) throw new Error(JSON.stringify(first));
    expect(first.data).toMatchObject({ created: 2, skipped: 0 });
    const rows = await db.submission.findMany({ where: { consultationId: c.id }, orderBy: { externalId: "asc" }, include: { themes: { include: { theme: true } } } });
    expect(rows.map((r) => [r.source, r.status, r.externalId, r.contributorKey.split(":")[0], r.region])).toEqual([
      ["IMPORT", "PENDING", "mail-1", "org", "AFRICAN"],
      ["IMPORT", "PENDING", "mail-2", "name", "WESTERN_EUROPEAN_AND_OTHERS"],
    ]);
    expect(rows[1]?.contributorKey).toBe("name:jo smith");
    expect(rows[0]?.receivedAt?.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(rows[0]?.themes.map((t) => t.theme.slug).sort()).toEqual(["access", "security"]);
    const audit = await db.auditEvent.findMany({ where: { consultationId: c.id, action: "submissions.import" } });
    expect(audit.map((a) => a.actorId)).toEqual([sec.id]);

    const again = await runImport(sec, c.slug, "inputs.csv", enc(CSV));
    expect(again).toMatchObject({ ok: true, data: { created: 0, skipped: 2 } });
    expect(await db.submission.count({ where: { consultationId: c.id } })).toBe(2);
  });

  it("imports nothing when one row is invalid, and says which rows and why", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "ADMIN" });
    const json = JSON.stringify([
      { title: "Good", body: "Fine text", contributorName: "A", stakeholderGroup: "GOVERNMENT", country: "FR", themes: ["access"], language: "fr", receivedAt: "2026-01-01" },
      { title: "", body: "x", contributorName: "B", stakeholderGroup: "ALIENS", country: "QQ", themes: ["nope"], language: "en", receivedAt: "yesterday" },
    ]);
    const result = await runImport(sec, c.slug, "inputs.json", enc(json));
    expect(result).toMatchObject({ ok: false, error: "invalidRows" });
    if (result.ok) return;
    expect(result.detail?.rows[1]).toMatchObject({ row: 2, status: "invalid" });
    expect(result.detail?.rows[1]?.errors).toEqual(expect.arrayContaining(["titleRequired", "groupInvalid", "countryInvalid", "themeUnknown", "dateInvalid"]));
    expect(await db.submission.count({ where: { consultationId: c.id } })).toBe(0);
    expect(await db.importBatch.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("refuses participants and anonymous callers and changes nothing", async () => {
    const c = await buildConsultation();
    const participant = await buildUser();
    expect(await previewImport(participant, c.slug, "inputs.csv", enc(CSV))).toMatchObject({ ok: false, status: 403 });
    expect(await runImport(participant, c.slug, "inputs.csv", enc(CSV))).toMatchObject({ ok: false, status: 403 });
    expect(await db.submission.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("rejects unreadable files clearly", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    expect(await previewImport(sec, c.slug, "x.csv", new Uint8Array([0x74, 0xe9, 0x0a]))).toMatchObject({ ok: false, error: "fileNotUtf8" });
    expect(await previewImport(sec, c.slug, "x.json", enc("{not json"))).toMatchObject({ ok: false, error: "fileUnreadable" });
    expect(await previewImport(sec, c.slug, "x.csv", enc(""))).toMatchObject({ ok: false, error: "fileEmpty" });
    expect(await runImport(sec, c.slug, "x.csv", enc(CSV), { expectedHash: "0".repeat(64) })).toMatchObject({ ok: false, error: "changed" });
    expect(await db.submission.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("reads attachment paths for command-line imports only, checking their content", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const dir = mkdtempSync(path.join(tmpdir(), "agora-import-"));
    writeFileSync(path.join(dir, "letter.pdf"), PDF_BYTES);
    const csv = "title,body,contributor_name,stakeholder_group,country,themes,language,received_at,attachments\r\nWith file,See the letter,Ann,ACADEMIC_COMMUNITY,IN,access,en,2026-01-05,letter.pdf\r\n";
    expect(await previewImport(sec, c.slug, "a.csv", enc(csv))).toMatchObject({ ok: true, data: { invalid: 1, rows: [{ errors: ["attachmentsNotAllowed"] }] } });
    const result = await runImport(sec, c.slug, "a.csv", enc(csv), { attachmentsDir: dir, via: "cli" });
    expect(result).toMatchObject({ ok: true, data: { created: 1 } });
    const attachment = await db.attachment.findFirstOrThrow({ where: { submission: { consultationId: c.id } } });
    expect(attachment).toMatchObject({ filename: "letter.pdf", mimeType: "application/pdf" });
  });
});
