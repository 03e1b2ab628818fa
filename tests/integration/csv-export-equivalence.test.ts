// The open-data CSV as Postgres writes it (COPY … TO STDOUT of exportCsvSelect, lib/submissions/export.ts) is byte for
// byte the CSV the JavaScript writer makes from toPublic (csvStream over allPublishedContributions): hidden, anonymous,
// imported, themes, attachments, campaigns (comments counted), formulas, quotes and line breaks, empty and blank cells,
// odd references, non-Latin text, records longer than a chunk, and every filter of the list. Golden test: a rule added
// to toPublic or csvRow and not to the SQL fails here.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { csvStream } from "@/lib/submissions/csv";
import { contributionsCsv } from "@/lib/submissions/export";
import { allPublishedContributions, ListQuerySchema } from "@/lib/submissions/public";
import { buildConsultation } from "../fixtures/users";
import { buildPublishedSubmission } from "../fixtures/submissions";

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

const saved = process.env.AGORA_EXPORT_CONNECTIONS;
afterAll(() => {
  if (saved === undefined) delete process.env.AGORA_EXPORT_CONNECTIONS;
  else process.env.AGORA_EXPORT_CONNECTIONS = saved;
});

const TITLES = [
  "=HYPERLINK(\"http://evil.example\")", "Доступ, \"кавычки\"\nи строки", "+1 for access", "-minus", "@mention", "\tTabbed", "\rCarriage",
  "\uFF1Dfull-width equals", "\uFF0Bplus", "\uFF0Dminus", "\uFF20at", "line\r\nbreak", "only \"quotes\" here", "a=b, not a formula", "   ",
];

describe("CSV export", () => {
  it("writes through COPY the bytes the JavaScript writer writes", async () => {
    const c = await buildConsultation({ themes: ["access", "security", "rights"] });
    const other = await buildConsultation();
    const odd = await db.theme.create({ data: { consultationId: c.id, slug: "-odd", title: "Odd", position: 9 } });
    const themes = await db.theme.findMany({ where: { consultationId: c.id }, orderBy: { position: "asc" } });
    const [access, security, rights] = themes.map((t) => t.id);
    if (!access || !security || !rights) throw new Error("setup");
    const campaign = await db.campaign.create({ data: { consultationId: c.id, label: "Copy campaign" } });
    const foreign = await db.campaign.create({ data: { consultationId: other.id, label: "Elsewhere" } });
    const same = new Date(Date.UTC(2026, 1, 1, 12, 0, 0, 123));
    const built: Awaited<ReturnType<typeof buildPublishedSubmission>>[] = [];
    for (let i = 0; i < 40; i++) {
      built.push(await buildPublishedSubmission({
        consultationId: c.id,
        title: TITLES[i % TITLES.length] ?? `Contribution ${i}`,
        body: i === 4 ? "مساهمة باللغة العربية، مع فاصلة" : i === 5 ? "访问和安全" : i === 16 ? "=1+1" : i === 17 ? "" : `Body ${i}, with a comma and a word like bandwidth.`,
        themeIds: i % 3 === 0 ? [rights, access] : i % 3 === 1 ? [security, odd.id] : [],
        anonymous: i % 7 === 6,
        source: i % 9 === 7 ? "IMPORT" : "WEB",
        country: i % 8 === 3 ? "ZZ" : i % 2 ? "KE" : "FR",
        group: i % 5 === 0 ? "GOVERNMENT" : "CIVIL_SOCIETY",
        language: i % 4 === 0 ? "fr" : "en",
        organisationName: i % 10 === 9 ? null : i === 12 ? "" : i === 13 ? "=cmd|' /C calc'!A0" : i === 14 ? "@Org, Ltd." : `Org ${i}`,
        contributorName: i === 15 ? "-Dash \"Nick\" Name" : undefined,
        status: i % 6 === 4 ? "HIDDEN" : "PUBLISHED",
        // Rows published at the same instant: the id breaks the tie, in both writers.
        publishedAt: i === 11 || i === 12 || i === 30 ? same : undefined,
      }));
    }
    const pick = (i: number) => {
      const s = built[i];
      if (!s) throw new Error("setup");
      return s;
    };
    // A hidden row gets a publication date too (hiding keeps it), and reasons: none, blank, padded with Unicode spaces.
    const notes = [null, "  \u3000 ", "\u00a0 Personal data \n", "=Reason, \"quoted\""];
    let n = 0;
    for (const row of built.filter((b) => b.status === "HIDDEN")) {
      await db.submission.update({ where: { id: row.id }, data: { moderationNote: notes[n++ % notes.length], publishedAt: new Date(Date.UTC(2026, 1, 2, 0, n)) } });
    }
    await db.submission.updateMany({ where: { id: { in: [pick(0).id, pick(1).id, pick(4).id] } }, data: { campaignId: campaign.id } });
    await db.submission.update({ where: { id: pick(2).id }, data: { campaignId: foreign.id, overBalance: true } });
    await db.submission.create({
      data: {
        reference: `OTHER-${c.id}`, consultationId: other.id, contributorKey: "name:other", contributorName: "Other", stakeholderGroup: "CIVIL_SOCIETY",
        country: "KE", region: "AFRICAN", title: "Elsewhere", body: "Member of a campaign elsewhere", language: "en", status: "PENDING", campaignId: campaign.id,
      },
    });
    await db.comment.create({
      data: { consultationId: c.id, submissionId: pick(0).id, authorName: "Commenter", stakeholderGroup: "CIVIL_SOCIETY", country: "KE", region: "AFRICAN", body: "Same text", campaignId: campaign.id },
    });
    // Imported with no submission date: the received date stands in. References the app would never make, encoded.
    await db.submission.update({ where: { id: pick(7).id }, data: { submittedAt: null, receivedAt: new Date(Date.UTC(2025, 11, 31, 23, 59, 59, 999)) } });
    await db.submission.update({ where: { id: pick(8).id }, data: { reference: "IMP/É 8,x\"ü?&=#" } });
    await db.submission.update({ where: { id: pick(9).id }, data: { reference: "=IMP-9" } });
    // A record longer than a chunk of COPY output, with quotes and line breaks across the chunk boundaries.
    await db.submission.update({ where: { id: pick(18).id }, data: { body: "Long \"quoted\" text,\nwith lines\r\n".repeat(9000) } });
    for (const [i, name] of ["b.pdf", "a, with comma.pdf", "=evil.pdf"].entries()) {
      await db.attachment.create({ data: { submissionId: pick(0).id, filename: name, mimeType: "application/pdf", size: 10 + i, sha256: "0".repeat(64), storageKey: `k-${i}` } });
    }
    await db.attachment.create({ data: { submissionId: pick(6).id, filename: "anon.pdf", mimeType: "application/pdf", size: 3, sha256: "1".repeat(64), storageKey: "k-anon" } });
    await db.attachment.create({ data: { submissionId: pick(4).id, filename: "hidden.pdf", mimeType: "application/pdf", size: 3, sha256: "2".repeat(64), storageKey: "k-hidden" } });

    const prefix = `http://localhost/consultations/${c.slug}/contributions/`;
    const url = (ref: string) => `${prefix}${encodeURIComponent(ref)}`;
    const queries: Record<string, string>[] = [
      {}, { theme: "access" }, { theme: "-odd" }, { q: "bandwidth" }, { q: "nothing-matches-this" }, { group: "CIVIL_SOCIETY", language: "en" },
      { region: "AFRICAN" }, { country: "FR" }, { organisation: "org" }, { organisation: "=cmd" }, { language: "fr", theme: "security" },
    ];
    for (const raw of queries) {
      const query = ListQuerySchema.parse(raw);
      const reference = await bytesOf(csvStream(allPublishedContributions(c.id, query, 7), url));
      const copied = await bytesOf(await contributionsCsv(c.id, query, prefix));
      expect(copied.toString("utf8"), JSON.stringify(raw)).toBe(reference.toString("utf8"));
      expect(copied.equals(reference), JSON.stringify(raw)).toBe(true);
    }
    const all = (await bytesOf(await contributionsCsv(c.id, ListQuerySchema.parse({}), prefix))).toString("utf8");
    // Header plus 40 rows (hidden included, as a notice).
    expect(built.filter((b) => b.reference.startsWith("FIX") && all.includes(`\r\n${b.reference},`))).toHaveLength(38);
    expect(all).toContain("'=HYPERLINK");
    expect(all).toContain(`${prefix}IMP%2F%C3%89%208%2Cx%22%C3%BC%3F%26%3D%23`);
    expect(all).toContain("\r\n'=IMP-9,");
    expect(all).not.toContain("hidden.pdf");
  }, 180_000);
});
