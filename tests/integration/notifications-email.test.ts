// Notification e-mails as a real SMTP server on loopback receives them: each kind per the person's preferences, in
// their language, with one-click unsubscribe that turns that kind off on the profile; the daily digest once; the
// 48-hour reminder once.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { moderate } from "@/lib/moderation/service";
import { submitContribution } from "@/lib/submissions/service";
import { notify } from "@/lib/notifications/service";
import { getPreferences, updatePreferences } from "@/lib/notifications/preferences";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { unsubscribe, unsubscribeToken } from "@/lib/email/unsubscribe";
import { sendFollowerReminders } from "@/lib/notifications/followers";
import { followConsultation } from "@/lib/follows/service";
import { enqueueJob } from "@/lib/jobs/queue";
import { POST as unsubscribePost } from "@/app/api/email/unsubscribe/route";
import { runJobs } from "../fixtures/jobs";
import { buildConsultation, buildUser } from "../fixtures/users";
import { contributionInput, withTemporaryStorage } from "../fixtures/submissions";
import { buildSubmission } from "../fixtures/moderation";
import { ageNotifications, setPreferences } from "../fixtures/notifications";
import { startLoopbackSmtp, type LoopbackSmtp } from "../fixtures/smtp";
import { TEST_SITE_URL, useSmtp } from "../fixtures/email";

withTemporaryStorage();
let smtp: LoopbackSmtp;

beforeEach(async () => {
  smtp = await startLoopbackSmtp();
  useSmtp(smtp.url);
});
afterEach(async () => smtp.close());
afterAll(() => useSmtp(null));

const to = (address: string) => smtp.received.filter((mail) => mail.envelopeTo.includes(address));
const secretariat = async () => ({ id: (await buildUser({ role: "SECRETARIAT" })).id, role: "SECRETARIAT" as const });

function header(mail: LoopbackSmtp["received"][number], name: string): string {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, " ") ?? "";
  const line = head.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : "";
}

describe("notification e-mails", () => {
  it("a receipt with its reference, then the decision with the reason, each its own e-mail with unsubscribe headers", async () => {
    const c = await buildConsultation();
    const author = await buildUser({ email: "priya@example.org", name: "Priya" });
    const sent = await submitContribution(author, c.id, contributionInput({ title: "Spectrum for community networks" }));
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    await runJobs();
    const [receipt] = to("priya@example.org");
    expect(receipt?.parsed.subject).toBe(`Contribution received: ${sent.data.reference} — Spectrum for community networks`);
    expect(receipt?.parsed.text).toContain(`Reference: ${sent.data.reference}`);
    expect(receipt?.parsed.text).toContain("Hello Priya");
    expect(receipt?.parsed.html).toContain(`href="${TEST_SITE_URL}/my/contributions/${sent.data.id}"`);
    expect(receipt && header(receipt, "List-Unsubscribe")).toMatch(new RegExp(`^<${TEST_SITE_URL}/api/email/unsubscribe\\?token=`));
    expect(receipt && header(receipt, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    await moderate(await secretariat(), { verb: "reject", target: { type: "SUBMISSION", id: sent.data.id }, reason: "Please keep to the themes of this round." });
    await runJobs();
    const mails = to("priya@example.org");
    expect(mails).toHaveLength(2);
    expect(mails[1]?.parsed.subject).toBe(`Your contribution was rejected: ${sent.data.reference} — Spectrum for community networks`);
    expect(mails[1]?.parsed.text).toContain("Reason: Please keep to the themes of this round.");
  });

  it("in the recipient's language", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    const s = await buildSubmission({ consultationId: c.id, title: "Accès abordable" });
    if (!s.authorId) throw new Error("setup");
    const author = await db.user.update({ where: { id: s.authorId }, data: { locale: "fr" } });
    await moderate(sec, { verb: "requestChanges", target: { type: "SUBMISSION", id: s.id }, reason: "Ajoutez une source." });
    await runJobs();
    const [mail] = to(author.email);
    expect(mail?.parsed.subject).toBe(`Modifications demandées : ${s.reference} — Accès abordable`);
    expect(mail?.parsed.html).toContain('lang="fr"');
    expect(mail?.parsed.text).toContain("Note du secrétariat : Ajoutez une source.");
  });

  it("nothing for a kind turned off, or when all notification e-mail is off; the in-app notification stays", async () => {
    const [a, b] = [await buildUser(), await buildUser()];
    await setPreferences(a.id, { emailOff: ["published"] });
    await setPreferences(b.id, { allEmailOff: true });
    await withTransaction(async (tx) => {
      for (const u of [a, b]) await notify(tx, { userId: u.id, kind: "published", params: { target: "SUBMISSION", title: "T" } });
      await notify(tx, { userId: a.id, kind: "rejected", params: { target: "SUBMISSION", title: "T" } });
    });
    await runJobs();
    expect(to(a.email).map((m) => m.parsed.subject)).toEqual(["Your contribution was rejected: T"]);
    expect(to(b.email)).toEqual([]);
    expect(await db.notification.count({ where: { userId: { in: [a.id, b.id] } } })).toBe(3);
  });

  it("nothing for an opt-out row of the exact category either (read once with the address, issue 13), and the author's current address", async () => {
    const u = await buildUser();
    await db.emailOptOut.create({ data: { userId: u.id, category: "notifications.published" } });
    const other = await buildUser();
    await db.user.update({ where: { id: other.id }, data: { email: `moved-${other.email}` } });
    await withTransaction(async (tx) => {
      await notify(tx, { userId: u.id, kind: "published", params: { target: "SUBMISSION", title: "Muted" } });
      await notify(tx, { userId: other.id, kind: "published", params: { target: "SUBMISSION", title: "Moved" } });
    });
    await runJobs();
    expect(to(u.email)).toEqual([]);
    expect(await db.emailMessage.findMany({ where: { userId: u.id }, select: { status: true } })).toEqual([{ status: "SUPPRESSED" }]);
    expect(to(`moved-${other.email}`).map((m) => m.parsed.subject)).toEqual(["Your contribution is published: Moved"]);
  });

  it("one-click unsubscribe from a notification e-mail turns that kind off, as the profile shows, and the next one is not sent", async () => {
    const u = await buildUser();
    await withTransaction((tx) => notify(tx, { userId: u.id, kind: "held", params: { target: "SUBMISSION", title: "First" } }));
    await runJobs();
    const [mail] = to(u.email);
    const target = mail ? header(mail, "List-Unsubscribe").replace(/^<|>$/g, "") : "";
    // What a mail client does with List-Unsubscribe-Post: a POST without cookies.
    const res = await unsubscribePost(new Request(target, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }));
    expect(res.status).toBe(200);
    expect(await getPreferences(u.id)).toMatchObject({ emailOff: ["held"], allEmailOff: false });
    await withTransaction(async (tx) => {
      await notify(tx, { userId: u.id, kind: "held", params: { target: "SUBMISSION", title: "Second" } });
      await notify(tx, { userId: u.id, kind: "released", params: { target: "SUBMISSION", title: "Second" } });
    });
    await runJobs();
    expect(to(u.email).map((m) => m.parsed.subject)).toEqual(["Waiting for balance: First", "Published after waiting for balance: Second"]);
  });

  it("the daily digest: one e-mail with the day's notifications, sent once; its unsubscribe turns all notification e-mail off", async () => {
    const u = await buildUser({ name: "Dana" });
    await setPreferences(u.id, { delivery: "DAILY" });
    await withTransaction(async (tx) => {
      await notify(tx, { userId: u.id, kind: "published", params: { target: "SUBMISSION", title: "Alpha", reference: "TST-000001" } });
      await notify(tx, { userId: u.id, kind: "rejected", params: { target: "COMMENT", title: "Beta", reason: "Off topic" } });
      await notify(tx, { userId: u.id, kind: "consultationClosing", params: { title: "Round 2027", at: "2027-03-01T12:00:00.000Z" }, link: "/consultations/round-2027" });
    });
    await runJobs();
    expect(to(u.email)).toEqual([]); // waiting for the digest
    await ageNotifications(u.id, 30);
    await enqueueJob(null, "notifications.digest", {});
    await runJobs();
    await enqueueJob(null, "notifications.digest", {});
    await runJobs();
    const mails = to(u.email);
    expect(mails).toHaveLength(1);
    const digest = mails[0];
    expect(digest?.parsed.subject).toBe("Agora: your daily digest, 3 notifications");
    expect(digest?.parsed.text).toContain("Your contribution “TST-000001 — Alpha” has been published.");
    expect(digest?.parsed.text).toContain("Your comment “Beta” has been rejected. Reason: Off topic");
    expect(digest?.parsed.text).toContain("Contributions to “Round 2027”, a consultation you follow, close in less than 48 hours: on March 1, 2027 at 12:00 PM UTC.");
    expect(digest?.parsed.html).toContain(`href="${TEST_SITE_URL}/consultations/round-2027"`);
    const target = digest ? header(digest, "List-Unsubscribe").replace(/^<|>$/g, "") : "";
    expect((await unsubscribePost(new Request(target, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }))).status).toBe(200);
    expect(await getPreferences(u.id)).toMatchObject({ allEmailOff: true });
  });

  it("48 hours before the close: one e-mail per follower, however many passes and workers", async () => {
    const c = await buildConsultation({ contributionsCloseAt: new Date(Date.now() + 20 * 3600_000) });
    const followers = [await buildUser(), await buildUser()];
    for (const f of followers) await followConsultation(f, c.slug);
    await Promise.all([sendFollowerReminders(), sendFollowerReminders()]);
    await sendFollowerReminders();
    await runJobs();
    for (const f of followers) {
      const mails = to(f.email);
      expect(mails.map((m) => m.parsed.subject)).toEqual([`Contributions close in 48 hours: ${c.title}`]);
      expect(mails[0]?.parsed.html).toContain(`href="${TEST_SITE_URL}/consultations/${c.slug}"`);
    }
  });
});

describe("every non-essential e-mail off (the unsubscribe page's other button)", () => {
  it("shows as all notification e-mail off on the profile, and turning it back on there sends again", async () => {
    const u = await buildUser();
    expect(await unsubscribe(unsubscribeToken(u.id, "notifications.reply"), { everything: true })).toMatchObject({ ok: true });
    const shown = await getPreferences(u.id);
    expect(shown.allEmailOff).toBe(true);
    await withTransaction((tx) => notify(tx, { userId: u.id, kind: "published", params: { title: "Muted" } }));
    await runJobs();
    expect(to(u.email)).toEqual([]);
    expect(await updatePreferences(u.id, { emailOn: NOTIFICATION_KINDS, allEmailOff: false, delivery: "IMMEDIATE", version: shown.version })).toMatchObject({ ok: true, data: { allEmailOff: false } });
    await withTransaction((tx) => notify(tx, { userId: u.id, kind: "published", params: { target: "SUBMISSION", title: "Heard" } }));
    await runJobs();
    expect(to(u.email).map((m) => m.parsed.subject)).toEqual(["Your contribution is published: Heard"]);
  });
});
