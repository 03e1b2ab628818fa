// The CSV export's one-statement batches (exportPublishedContributions) write byte for byte the CSV that the list's
// own reader (allPublishedContributions, four statements a batch) writes: hidden, anonymous, imported, themes,
// attachments, campaigns, formulas and non-Latin text included, across batch boundaries and with filters.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { csvStream } from "@/lib/submissions/csv";
import { allPublishedContributions, exportPublishedContributions, ListQuerySchema } from "@/lib/submissions/public";
import { buildConsultation } from "../fixtures/users";
import { buildPublishedSubmission } from "../fixtures/submissions";

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("CSV export", () => {
  it("is byte-identical to the previous reader", async () => {
    const c = await buildConsultation({ themes: ["access", "security", "rights"] });
    const themes = await db.theme.findMany({ where: { consultationId: c.id }, orderBy: { position: "asc" } });
    const [access, security, rights] = themes.map((t) => t.id);
    if (!access || !security || !rights) throw new Error("setup");
    const campaign = await db.campaign.create({ data: { consultationId: c.id, label: "Copy campaign" } });
    const same = new Date(Date.UTC(2026, 1, 1, 12, 0, 0, 123));
    const built = [];
    for (let i = 0; i < 13; i++) {
      built.push(await buildPublishedSubmission({
        consultationId: c.id,
        title: i === 2 ? "=HYPERLINK(\"http://evil.example\")" : i === 3 ? "Доступ, \"кавычки\"\nи строки" : `Contribution ${i}`,
        body: i === 4 ? "مساهمة باللغة العربية، مع فاصلة" : i === 5 ? "访问和安全" : `Body ${i}, with a comma and a word like bandwidth.`,
        themeIds: i % 3 === 0 ? [rights, access] : i % 3 === 1 ? [security] : [],
        anonymous: i === 6,
        source: i === 7 ? "IMPORT" : "WEB",
        country: i === 8 ? "ZZ" : "KE",
        organisationName: i === 9 ? null : `Org ${i}`,
        status: i === 10 ? "HIDDEN" : "PUBLISHED",
        // Two rows published at the same instant: the id breaks the tie, in both readers.
        publishedAt: i === 11 || i === 12 ? same : undefined,
      }));
    }
    const [first, second, third] = built;
    if (!first || !second || !third) throw new Error("setup");
    await db.submission.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { campaignId: campaign.id } });
    await db.submission.update({ where: { id: third.id }, data: { overBalance: true } });
    await db.submission.update({ where: { id: built[10]?.id ?? "" }, data: { moderationNote: "Personal data", publishedAt: new Date(Date.UTC(2026, 1, 2)) } });
    for (const [i, name] of ["b.pdf", "a.pdf"].entries()) {
      await db.attachment.create({ data: { submissionId: first.id, filename: name, mimeType: "application/pdf", size: 10 + i, sha256: "0".repeat(64), storageKey: `k-${i}` } });
    }
    await db.attachment.create({ data: { submissionId: built[6]?.id ?? "", filename: "anon.pdf", mimeType: "application/pdf", size: 3, sha256: "1".repeat(64), storageKey: "k-anon" } });

    const url = (ref: string) => `http://localhost/consultations/${c.slug}/contributions/${encodeURIComponent(ref)}`;
    for (const raw of [{}, { theme: "access" }, { q: "bandwidth" }, { group: "CIVIL_SOCIETY", language: "en" }] as Record<string, string>[]) {
      const query = ListQuerySchema.parse(raw);
      for (const batch of [1, 4, 500]) {
        const before = await bytesOf(csvStream(allPublishedContributions(c.id, query, batch), url));
        const now = await bytesOf(csvStream(exportPublishedContributions(c.id, query, batch), url));
        expect(now.equals(before), `${JSON.stringify(raw)} in batches of ${batch}`).toBe(true);
      }
    }
    const all = (await bytesOf(csvStream(exportPublishedContributions(c.id, ListQuerySchema.parse({})), url))).toString("utf8");
    // Header plus 13 rows (hidden included, as a notice).
    expect(built.filter((b) => all.includes(`\r\n${b.reference},`))).toHaveLength(13);
    expect(all).toContain("'=HYPERLINK");
    expect(all).toContain("a.pdf");
  });
});
