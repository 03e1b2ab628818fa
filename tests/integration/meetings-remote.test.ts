// Remote and social messages: an export checked row by row (row, column, value, what is allowed), imported whole or
// not at all and idempotent on external id; moderated like comments; public lists show published ones (hidden as a
// notice); unclassified unless the handle is in the roster; counted apart in the balance dashboard.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addHandleToRoster, handleKey, listPublicRemoteMessages, moderateRemoteMessages, parsePostedAt, previewRemoteImport, runRemoteImport } from "@/lib/meetings/remote";
import { mapSpeaker } from "@/lib/meetings/speakers";
import { meetingsBalance } from "@/lib/meetings/balance";
import { getBalanceReport } from "@/lib/balance/dashboard";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSession } from "../fixtures/meetings";

const enc = (s: string) => new TextEncoder().encode(s);

const CSV = [
  "id,author,message,created_at,hashtags,url",
  'x-1,@ana_tech,"Remote hub in Lagos: the stream keeps freezing, please share slides in advance",2025-06-24 09:14,IGF2025;access,https://social.example/@ana_tech/1',
  'x-2,@ana_tech,"Affordable devices matter more than 5G for us #access",2025-06-24T09:20:00Z,,',
  'x-3,@kofi,"Universal service funds should finance community networks",1750757000,,',
].join("\n");

async function setup(mode: "PRE" | "POST" = "PRE") {
  const c = await buildConsultation({ moderationMode: mode });
  const sec = await buildUser({ role: "SECRETARIAT" });
  return { c, sec };
}

describe("remote messages import", () => {
  it("reads common export columns, previews without storing, imports once per external id", async () => {
    const { c, sec } = await setup();
    const preview = await previewRemoteImport(sec, c.slug, "export.csv", enc(CSV));
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    expect(preview.data).toMatchObject({ total: 3, valid: 3, invalid: 0, skipped: 0, warnings: [] });
    expect(await db.remoteMessage.count({ where: { consultationId: c.id } })).toBe(0);
    const run = await runRemoteImport(sec, c.slug, "export.csv", enc(CSV), { expectedHash: preview.data.fileHash });
    expect(run).toMatchObject({ ok: true, data: { created: 3, skipped: 0, published: 0 } });
    const rows = await db.remoteMessage.findMany({ where: { consultationId: c.id }, orderBy: { externalId: "asc" } });
    expect(rows.map((r) => [r.externalId, r.handle, r.status, r.stakeholderGroup, r.country, r.postedAt.toISOString(), r.hashtags])).toEqual([
      ["x-1", "@ana_tech", "PENDING", "UNCLASSIFIED", "ZZ", "2025-06-24T09:14:00.000Z", ["IGF2025", "access"]],
      ["x-2", "@ana_tech", "PENDING", "UNCLASSIFIED", "ZZ", "2025-06-24T09:20:00.000Z", ["access"]],
      ["x-3", "@kofi", "PENDING", "UNCLASSIFIED", "ZZ", "2025-06-24T09:23:20.000Z", []],
    ]);
    expect(rows[0]?.url).toBe("https://social.example/@ana_tech/1");
    expect(await runRemoteImport(sec, c.slug, "export.csv", enc(CSV))).toMatchObject({ ok: true, data: { created: 0, skipped: 3 } });
    expect(await db.remoteMessage.count({ where: { consultationId: c.id } })).toBe(3);
    expect(await db.auditEvent.count({ where: { consultationId: c.id, action: "meetings.remote.import" } })).toBe(1);
  });

  it("names the row, the column, the bad value and what is allowed, for every problem of a row; imports nothing", async () => {
    const { c, sec } = await setup();
    await buildSession(c.id, { title: "Main Session Access" });
    const json = JSON.stringify({
      messages: [
        { handle: "@ok", text: "Fine", posted_at: "2025-06-24 10:00", session: "main-session-access" },
        { handle: "", text: "", posted_at: "yesterday", url: "javascript:alert(1)", language: "engl", session: "main-sesion-access", colour: "blue" },
        { handle: "@dup", text: "One", posted_at: "2025-06-24", id: "d1" },
        { handle: "@dup", text: "Two", posted_at: "2025-06-24", id: "d1" },
      ],
    });
    const result = await runRemoteImport(sec, c.slug, "export.json", enc(json));
    expect(result).toMatchObject({ ok: false, error: "invalidRows", status: 400 });
    if (result.ok) return;
    const report = result.detail;
    expect(report?.warnings).toEqual([{ column: "colour", code: "unknownColumn" }]);
    const row2 = report?.rows.find((r) => r.row === 2);
    expect(row2?.problems.map((p) => [p.column, p.code, p.value])).toEqual([
      ["handle", "handleRequired", ""],
      ["text", "textRequired", ""],
      ["posted_at", "dateInvalid", "yesterday"],
      ["url", "urlInvalid", "javascript:alert(1)"],
      ["language", "languageInvalid", "engl"],
      ["session", "sessionUnknown", "main-sesion-access"],
    ]);
    expect(row2?.problems.find((p) => p.code === "sessionUnknown")).toMatchObject({ suggestion: "main-session-access", allowed: "main-session-access" });
    expect(report?.rows.find((r) => r.row === 4)?.problems).toEqual([expect.objectContaining({ column: "id", code: "duplicateExternalId", value: "d1", allowed: "unique in the file (also on row 3)" })]);
    expect(await db.remoteMessage.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("understands the usual time formats", () => {
    expect(parsePostedAt("2025-06-24 09:14")?.toISOString()).toBe("2025-06-24T09:14:00.000Z");
    expect(parsePostedAt("2025-06-24T09:14:00+02:00")?.toISOString()).toBe("2025-06-24T07:14:00.000Z");
    expect(parsePostedAt("1750757000")?.toISOString()).toBe("2025-06-24T09:23:20.000Z");
    expect(parsePostedAt("1750757000123")?.toISOString()).toBe("2025-06-24T09:23:20.123Z");
    expect(parsePostedAt("Tue Jun 24 09:14:00 +0000 2025")?.toISOString()).toBe("2025-06-24T09:14:00.000Z");
    expect(parsePostedAt("1")).toBeNull();
    expect(parsePostedAt("2025-02-30")).toBeNull();
    expect(handleKey(" @Ana_Tech ")).toBe("@ana_tech");
  });

  it("publishes at once in a post-moderated consultation", async () => {
    const { c, sec } = await setup("POST");
    expect(await runRemoteImport(sec, c.slug, "export.csv", enc(CSV))).toMatchObject({ ok: true, data: { created: 3, published: 3 } });
    expect((await listPublicRemoteMessages(c.id)).total).toBe(3);
  });

  it("is the secretariat's alone", async () => {
    const { c } = await setup();
    const participant = await buildUser();
    expect(await previewRemoteImport(participant, c.slug, "export.csv", enc(CSV))).toMatchObject({ ok: false, status: 403 });
    expect(await runRemoteImport(participant, c.slug, "export.csv", enc(CSV))).toMatchObject({ ok: false, status: 403 });
    expect(await moderateRemoteMessages(participant, { verb: "publish", targets: [{ id: "x", version: 1 }] })).toMatchObject({ ok: false, status: 403 });
  });
});

describe("remote messages moderation", () => {
  it("is moderated like comments: versions checked, reasons required, every step recorded, hidden ones shown as a notice", async () => {
    const { c, sec } = await setup();
    await runRemoteImport(sec, c.slug, "export.csv", enc(CSV));
    const rows = await db.remoteMessage.findMany({ where: { consultationId: c.id }, orderBy: { externalId: "asc" } });
    const [a, b, d] = rows;
    if (!a || !b || !d) throw new Error("rows");
    expect(await moderateRemoteMessages(sec, { verb: "reject", targets: [{ id: d.id, version: d.version }] })).toMatchObject({ ok: false, fieldErrors: { reason: ["reasonRequired"] } });
    const publish = await moderateRemoteMessages(sec, { verb: "publish", targets: [{ id: a.id, version: a.version }, { id: b.id, version: b.version }] });
    expect(publish).toMatchObject({ ok: true, data: { done: 2, conflicts: 0 } });
    // A second moderator working from the same page loses the race and changes nothing.
    expect(await moderateRemoteMessages(sec, { verb: "reject", targets: [{ id: a.id, version: a.version }], reason: "Spam" })).toMatchObject({ ok: true, data: { done: 0, conflicts: 1 } });
    expect(await moderateRemoteMessages(sec, { verb: "reject", targets: [{ id: d.id, version: d.version }], reason: "Off topic" })).toMatchObject({ ok: true, data: { done: 1 } });
    const fresh = await db.remoteMessage.findUniqueOrThrow({ where: { id: b.id } });
    expect(await moderateRemoteMessages(sec, { verb: "hide", targets: [{ id: b.id, version: fresh.version }], reason: "Personal data" })).toMatchObject({ ok: true, data: { done: 1 } });

    const list = await listPublicRemoteMessages(c.id);
    expect(list.total).toBe(2);
    const hidden = list.items.find((m) => m.id === b.id);
    expect(hidden).toMatchObject({ hidden: true, body: null, url: null, hiddenReason: "Personal data" });
    expect(list.items.find((m) => m.id === a.id)).toMatchObject({ hidden: false, body: expect.stringContaining("Remote hub in Lagos") });
    const events = await db.moderationEvent.findMany({ where: { remoteMessageId: { in: [a.id, b.id, d.id] } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.targetType, e.action, e.fromStatus, e.toStatus])).toEqual([
      ["REMOTE_MESSAGE", "PUBLISH", "PENDING", "PUBLISHED"],
      ["REMOTE_MESSAGE", "PUBLISH", "PENDING", "PUBLISHED"],
      ["REMOTE_MESSAGE", "REJECT", "PENDING", "REJECTED"],
      ["REMOTE_MESSAGE", "HIDE", "PUBLISHED", "HIDDEN"],
    ]);
    // The written balance is untouched: remote messages are counted apart.
    expect((await getBalanceReport(c.slug))?.comments.published).toBe(0);
  });

  it("takes the group and country of a handle once it is in the roster, and is counted apart", async () => {
    const { c, sec } = await setup("POST");
    await runRemoteImport(sec, c.slug, "export.csv", enc(CSV));
    const added = await addHandleToRoster(sec, "ana_tech");
    if (!added.ok) throw new Error("add");
    // A handle is one person in every round: all their messages follow, here and elsewhere.
    expect(added.data.messages).toBeGreaterThanOrEqual(2);
    const speaker = await db.speaker.findUniqueOrThrow({ where: { id: added.data.speakerId } });
    await mapSpeaker(sec, speaker.id, { name: "Ana Teixeira", stakeholderGroup: "TECHNICAL_COMMUNITY", country: "NG", version: speaker.version });
    const ana = await db.remoteMessage.findMany({ where: { consultationId: c.id, handle: "@ana_tech" }, select: { stakeholderGroup: true, region: true } });
    expect(ana).toEqual([{ stakeholderGroup: "TECHNICAL_COMMUNITY", region: "AFRICAN" }, { stakeholderGroup: "TECHNICAL_COMMUNITY", region: "AFRICAN" }]);
    const balance = await meetingsBalance(c.id);
    expect(balance.remoteMessages).toMatchObject({ total: 3, unclassified: 1, unknownCountry: 1, pending: 0 });
    expect(balance.remoteMessages.groups.find((g) => g.key === "TECHNICAL_COMMUNITY")).toMatchObject({ count: 2, share: 1 });
    // A later export of the same handle is classified on import.
    const later = "id,author,message,created_at\nx-9,@ANA_TECH,Thanks for the slides,2025-06-25 08:00\n";
    expect(await runRemoteImport(sec, c.slug, "later.csv", enc(later))).toMatchObject({ ok: true, data: { created: 1 } });
    expect(await db.remoteMessage.findFirst({ where: { externalId: "x-9" }, select: { stakeholderGroup: true, speakerId: true } })).toEqual({ stakeholderGroup: "TECHNICAL_COMMUNITY", speakerId: speaker.id });
  });
});
