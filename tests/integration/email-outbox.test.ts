// The outbox as admins read it, and the unsubscribe endpoint as mail clients and people use it.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getOutboxMessage, listOutbox, OUTBOX_PAGE, retryMessage, sendTestMessage } from "@/lib/email/outbox";
import { unsubscribeToken } from "@/lib/email/unsubscribe";
import { wantsEmail } from "@/lib/email/preferences";
import { getPreferences } from "@/lib/notifications/preferences";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/email/unsubscribe/route";
import { runJobs } from "../fixtures/jobs";
import { buildUser } from "../fixtures/users";
import { outboxRow, queueTestEmail, useSmtp } from "../fixtures/email";

const TOKEN = "v".repeat(43);
beforeEach(() => useSmtp(null));

describe("outbox (admins only)", () => {
  it("lists messages newest first with filters and keyset pages, and shows one with its rendered parts", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const secretariat = await buildUser({ role: "SECRETARIAT" });
    const person = await buildUser({ email: `filter-${Date.now()}@example.org` });
    const first = await queueTestEmail({ to: { userId: person.id }, template: "auth.verify-email", params: { token: TOKEN, name: "P" } });
    for (let i = 0; i < 3; i++) await queueTestEmail({ to: { userId: admin.id }, template: "email.test", params: { requestedBy: `n${i}` } });
    await runJobs();

    expect(await listOutbox(secretariat, {})).toBeNull();
    expect(await getOutboxMessage(secretariat, first.id)).toBeNull();

    const byRecipient = await listOutbox(admin, { to: person.email.slice(0, 12).toUpperCase() });
    expect(byRecipient?.rows.map((row) => row.id)).toEqual([first.id]);
    expect((await listOutbox(admin, { template: "email.test" }))?.rows).toHaveLength(3);
    expect((await listOutbox(admin, { status: "HELD", template: "auth.verify-email" }))?.rows.map((row) => row.id)).toContain(first.id);
    expect((await listOutbox(admin, { status: "NOPE" }))?.filter).toEqual({}); // a bad filter starts from the top

    const all = (await listOutbox(admin, { template: "email.test" }))?.rows ?? [];
    expect(all.map((row) => row.createdAt.getTime())).toEqual([...all.map((row) => row.createdAt.getTime())].sort((a, b) => b - a));

    // Keyset pages: page two starts where page one ended, with no overlap and nothing skipped.
    for (let i = 0; i < OUTBOX_PAGE; i++) await queueTestEmail({ to: { userId: admin.id }, template: "email.test", params: { requestedBy: `p${i}` } });
    const pageOne = await listOutbox(admin, { template: "email.test" });
    expect(pageOne?.rows).toHaveLength(OUTBOX_PAGE);
    const pageTwo = await listOutbox(admin, { template: "email.test", cursor: pageOne?.nextCursor ?? "" });
    expect(pageTwo?.rows).toHaveLength(3);
    expect(pageTwo?.nextCursor).toBeNull();
    const ids = [...(pageOne?.rows ?? []), ...(pageTwo?.rows ?? [])].map((row) => row.id);
    expect(new Set(ids).size).toBe(OUTBOX_PAGE + 3);

    const message = await getOutboxMessage(admin, first.id);
    expect(message?.subject).toBe("Confirm your e-mail address for Agora");
    expect(message?.links[0]).toContain(`/verify-email?token=${TOKEN}`);
    expect(message?.headers).toEqual({}); // essential
    const test = await getOutboxMessage(admin, all[0]?.id ?? "");
    expect(test?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("sends an admin a test message and retries only failed messages", async () => {
    const admin = await buildUser({ role: "ADMIN", name: "Ada" });
    const participant = await buildUser();
    expect((await sendTestMessage(participant)).ok).toBe(false);
    const sent = await sendTestMessage(admin);
    if (!sent.ok) throw new Error(sent.error);
    await runJobs();
    const row = await outboxRow(sent.data.id);
    expect(row.toAddress).toBe(admin.email);
    expect(row.status).toBe("HELD");
    expect(row.text).toContain("Ada sent this test message");

    expect((await retryMessage(admin, row.id)).ok).toBe(false); // HELD is not FAILED
    await db.emailMessage.update({ where: { id: row.id }, data: { status: "FAILED", lastError: "550 no" } });
    expect((await retryMessage(participant, row.id)).ok).toBe(false);
    expect((await retryMessage(admin, row.id)).ok).toBe(true);
    expect((await outboxRow(row.id)).status).toBe("QUEUED");
    await runJobs();
    expect((await outboxRow(row.id)).status).toBe("HELD");
  });
});

describe("unsubscribe endpoint", () => {
  it("GET only redirects to the confirmation page; POST (RFC 8058 one-click, no cookies) unsubscribes", async () => {
    const user = await buildUser();
    const token = unsubscribeToken(user.id, "test");
    const url = `http://agora.test/api/email/unsubscribe?token=${token}`;
    const get = await unsubscribeGet(new Request(url));
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`/unsubscribe?token=${token}`);
    expect(await wantsEmail(db, user.id, "test")).toBe(true);

    const body = new URLSearchParams({ "List-Unsubscribe": "One-Click" });
    const post = await unsubscribePost(new Request(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ unsubscribed: true, category: "test" });
    expect(await wantsEmail(db, user.id, "test")).toBe(false);
    expect(await wantsEmail(db, user.id, "other")).toBe(true);
    // Idempotent.
    expect((await unsubscribePost(new Request(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }))).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "email.unsubscribe", entityId: user.id } })).toBe(2);
  });

  it("the page's form unsubscribes from everything non-essential and comes back to the page", async () => {
    const user = await buildUser();
    const token = unsubscribeToken(user.id, "test");
    const form = new URLSearchParams({ from: "page", scope: "all" });
    const response = await unsubscribePost(
      new Request(`http://agora.test/api/email/unsubscribe?token=${token}`, { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded" } }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/unsubscribe?token=${token}&done=all`);
    expect(await wantsEmail(db, user.id, "anything")).toBe(false);
  });

  it("refuses a tampered or unknown token with a 404 and changes nothing", async () => {
    const user = await buildUser();
    const token = unsubscribeToken(user.id, "test");
    const tampered = `${token.slice(0, -2)}xx`;
    for (const bad of [tampered, "", "abc", `${token}.extra`]) {
      const response = await unsubscribePost(new Request(`http://agora.test/api/email/unsubscribe?token=${encodeURIComponent(bad)}`, { method: "POST" }));
      expect(response.status).toBe(404);
    }
    expect(await wantsEmail(db, user.id, "test")).toBe(true);
  });

  it("notification categories are the notifications' own preferences: a one-click unsubscribe turns the kind off on the profile too", async () => {
    const user = await buildUser();
    const token = unsubscribeToken(user.id, "notifications.published");
    const post = (body: Record<string, string>) =>
      unsubscribePost(new Request(`http://agora.test/api/email/unsubscribe?token=${token}`, { method: "POST", body: new URLSearchParams(body), headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect((await post({ "List-Unsubscribe": "One-Click" })).status).toBe(200);
    expect((await getPreferences(user.id)).emailOff).toEqual(["published"]);
    expect(await db.emailOptOut.count({ where: { userId: user.id } })).toBe(0); // one source of truth
    const suppressed = await queueTestEmail({ to: { userId: user.id }, template: "email.test", params: { requestedBy: "A" }, category: "notifications.published" });
    expect(suppressed.status).toBe("SUPPRESSED");
    const other = await queueTestEmail({ to: { userId: user.id }, template: "email.test", params: { requestedBy: "A" }, category: "notifications.reply" });
    expect(other.status).toBe("QUEUED");

    expect((await post({ from: "page", scope: "all" })).status).toBe(303);
    expect((await getPreferences(user.id)).allEmailOff).toBe(true);
    expect(await wantsEmail(db, user.id, "test")).toBe(false);
  });
});

