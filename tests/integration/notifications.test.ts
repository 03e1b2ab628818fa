// Notifications raised where things happen, each deciding its e-mail from the person's preferences.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { moderate } from "@/lib/moderation/service";
import { settleBalance } from "@/lib/balance/service";
import { submitContribution } from "@/lib/submissions/service";
import { createComment } from "@/lib/comments/service";
import { notify } from "@/lib/notifications/service";
import { emailDecision, getPreferences, unsubscribe, updatePreferences } from "@/lib/notifications/preferences";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { buildConsultation, buildUser } from "../fixtures/users";
import { contributionInput, withTemporaryStorage } from "../fixtures/submissions";
import { buildSubmission, buildSubmissions, setPolicy } from "../fixtures/moderation";
import { buildDraft } from "../fixtures/drafts";
import { notificationsOf, setPreferences } from "../fixtures/notifications";

withTemporaryStorage();

async function secretariat() {
  const u = await buildUser({ role: "SECRETARIAT" });
  return { id: u.id, role: "SECRETARIAT" as const };
}

describe("preferences decide each notification's e-mail", () => {
  it("sends one by one by default, waits for the digest when daily, and sends nothing for a kind or all turned off", () => {
    const defaults = { emailOff: [], allEmailOff: false, delivery: "IMMEDIATE" as const };
    expect(emailDecision(defaults, "published")).toBe("QUEUED");
    expect(emailDecision({ ...defaults, delivery: "DAILY" }, "published")).toBe("DIGEST");
    expect(emailDecision({ ...defaults, emailOff: ["published"] }, "published")).toBe("NONE");
    expect(emailDecision({ ...defaults, emailOff: ["published"] }, "rejected")).toBe("QUEUED");
    expect(emailDecision({ ...defaults, allEmailOff: true }, "rejected")).toBe("NONE");
  });

  it("stores the decision on the notification raised in the transaction", async () => {
    const [a, b, c] = [await buildUser(), await buildUser(), await buildUser()];
    await setPreferences(b.id, { delivery: "DAILY" });
    await setPreferences(c.id, { emailOff: ["published"] });
    await withTransaction(async (tx) => {
      for (const u of [a, b, c]) await notify(tx, { userId: u.id, kind: "published", params: { target: "SUBMISSION", title: "T" } });
    });
    expect((await notificationsOf(a.id)).map((n) => n.email)).toEqual(["QUEUED"]);
    expect((await notificationsOf(b.id)).map((n) => n.email)).toEqual(["DIGEST"]);
    expect((await notificationsOf(c.id)).map((n) => n.email)).toEqual(["NONE"]);
  });

  it("writes nothing when the transaction that raised it rolls back", async () => {
    const u = await buildUser();
    await expect(
      withTransaction(async (tx) => {
        await notify(tx, { userId: u.id, kind: "published", params: { title: "T" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await notificationsOf(u.id)).toEqual([]);
  });

  it("raises a notification with a dedupe key once, however often it is raised", async () => {
    const u = await buildUser();
    const raise = () => withTransaction((tx) => notify(tx, { userId: u.id, kind: "consultationClosing", params: { title: "C" }, dedupeKey: "closing:x" }));
    const results = await Promise.all([raise(), raise(), raise()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await notificationsOf(u.id)).toHaveLength(1);
  });

  it("saves the profile form conditionally on the version it showed", async () => {
    const u = await buildUser();
    expect(await getPreferences(u.id)).toMatchObject({ version: 0, delivery: "IMMEDIATE", allEmailOff: false, emailOff: [] });
    const on = NOTIFICATION_KINDS.filter((k) => k !== "reply");
    const saved = await updatePreferences(u.id, { emailOn: on, allEmailOff: false, delivery: "DAILY", version: 0 });
    expect(saved).toMatchObject({ ok: true, data: { emailOff: ["reply"], delivery: "DAILY", version: 1 } });
    // A second form loaded at version 0 (another tab) does not overwrite it.
    expect(await updatePreferences(u.id, { emailOn: [], allEmailOff: true, delivery: "IMMEDIATE", version: 0 })).toMatchObject({ ok: false, error: "preferencesChanged", status: 409 });
    // An unsubscribe link moves the version too: the form that showed version 1 must look again.
    await unsubscribe(u.id, "published");
    expect(await getPreferences(u.id)).toMatchObject({ emailOff: ["reply", "published"], version: 2 });
    expect(await updatePreferences(u.id, { emailOn: NOTIFICATION_KINDS, allEmailOff: false, delivery: "IMMEDIATE", version: 1 })).toMatchObject({ ok: false, error: "preferencesChanged" });
    expect(await updatePreferences(u.id, { emailOn: NOTIFICATION_KINDS, allEmailOff: false, delivery: "IMMEDIATE", version: 2 })).toMatchObject({ ok: true, data: { emailOff: [], version: 3 } });
  });

  it("refuses unknown kinds and deliveries with field errors, changing nothing", async () => {
    const u = await buildUser();
    expect(await updatePreferences(u.id, { emailOn: ["everything"], allEmailOff: false, delivery: "IMMEDIATE", version: 0 })).toMatchObject({ ok: false, fieldErrors: { emailOn: ["kindInvalid"] } });
    expect(await updatePreferences(u.id, { emailOn: [], allEmailOff: false, delivery: "HOURLY", version: 0 })).toMatchObject({ ok: false, fieldErrors: { delivery: ["deliveryInvalid"] } });
    expect(await db.notificationPreference.count({ where: { userId: u.id } })).toBe(0);
  });

  it("one-click unsubscribe turns a kind, or all, off; idempotent; nothing for a deleted account", async () => {
    const u = await buildUser();
    await unsubscribe(u.id, "reply");
    await unsubscribe(u.id, "reply");
    expect(await getPreferences(u.id)).toMatchObject({ emailOff: ["reply"], allEmailOff: false, version: 1 });
    await unsubscribe(u.id, "all");
    await unsubscribe(u.id, "all");
    expect(await getPreferences(u.id)).toMatchObject({ emailOff: ["reply"], allEmailOff: true, version: 2 });
    await unsubscribe("no-such-user", "all");
    expect(await db.notificationPreference.count({ where: { userId: "no-such-user" } })).toBe(0);
  });
});

describe("where each kind is raised", () => {
  it("a contribution received: a receipt with its reference, once (not again for an edit)", async () => {
    const c = await buildConsultation();
    const author = await buildUser();
    const sent = await submitContribution(author, c.id, contributionInput());
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    const [receipt] = await notificationsOf(author.id, "received");
    expect(receipt?.params).toMatchObject({ target: "SUBMISSION", reference: sent.data.reference, title: "Affordable access for rural communities" });
    expect(receipt?.link).toBe(`/my/contributions/${sent.data.id}`);
    expect(receipt?.email).toBe("QUEUED");
    const edited = await submitContribution(author, c.id, contributionInput({ submissionId: sent.data.id, expectedVersion: 1, title: "Affordable access, revised" }));
    expect(edited.ok).toBe(true);
    expect(await notificationsOf(author.id, "received")).toHaveLength(1);
  });

  it("published, changes requested with the note, rejected with the reason", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    const [a, b, d] = await buildSubmissions(3, { consultationId: c.id });
    if (!a?.authorId || !b?.authorId || !d?.authorId) throw new Error("setup");
    await moderate(sec, { verb: "publish", target: { type: "SUBMISSION", id: a.id } });
    await moderate(sec, { verb: "requestChanges", target: { type: "SUBMISSION", id: b.id }, reason: "Please add a source." });
    await moderate(sec, { verb: "reject", target: { type: "SUBMISSION", id: d.id }, reason: "Off topic." });
    expect((await notificationsOf(a.authorId)).map((n) => [n.kind, n.params?.reference])).toEqual([["published", a.reference]]);
    expect((await notificationsOf(b.authorId)).map((n) => [n.kind, n.params?.reason, n.link])).toEqual([["changesRequested", "Please add a source.", `/my/contributions/${b.id}`]]);
    expect((await notificationsOf(d.authorId)).map((n) => [n.kind, n.params?.reason])).toEqual([["rejected", "Off topic."]]);
  });

  it("held for balance, then released (its own kind) when room is made", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    await setPolicy(c.id, { maxGroupShare: 0.5, minSample: 4 });
    await buildSubmissions(2, { consultationId: c.id, group: "GOVERNMENT", status: "PUBLISHED" });
    await buildSubmissions(1, { consultationId: c.id, group: "CIVIL_SOCIETY", status: "PUBLISHED" });
    const held = await buildSubmission({ consultationId: c.id, group: "GOVERNMENT" });
    if (!held.authorId) throw new Error("setup");
    expect(await moderate(sec, { verb: "publish", target: { type: "SUBMISSION", id: held.id } })).toMatchObject({ ok: true, data: { status: "HELD_FOR_BALANCE" } });
    await buildSubmissions(2, { consultationId: c.id, group: "PRIVATE_SECTOR", status: "PUBLISHED" });
    await settleBalance(c.id);
    expect((await notificationsOf(held.authorId)).map((n) => n.kind)).toEqual(["held", "released"]);
  });

  it("a reply to your comment: once it is public, once only, never for a reply to yourself", async () => {
    const { consultation, draft, secretariat: sec } = await buildDraft({ consultation: { moderationMode: "PRE" } });
    const [alice, bob] = [await buildUser({ name: "Alice" }), await buildUser({ name: "Bob" })];
    const top = await createComment(alice, { draftId: draft.id, body: "The main sessions should include a youth track." });
    if (!top.ok) throw new Error(JSON.stringify(top));
    await moderate({ id: sec.id, role: "SECRETARIAT" }, { verb: "publish", target: { type: "COMMENT", id: top.data.id } });
    const own = await createComment(alice, { draftId: draft.id, body: "Adding to my own point.", parentId: top.data.id });
    const reply = await createComment(bob, { draftId: draft.id, body: "Agreed, and with remote participation.", parentId: top.data.id });
    if (!reply.ok || !own.ok) throw new Error("setup");
    expect(await notificationsOf(alice.id, "reply")).toEqual([]); // pending moderation: not public yet
    const secActor = { id: sec.id, role: "SECRETARIAT" as const };
    await moderate(secActor, { verb: "publish", target: { type: "COMMENT", id: own.data.id } });
    await moderate(secActor, { verb: "publish", target: { type: "COMMENT", id: reply.data.id } });
    await moderate(secActor, { verb: "hide", target: { type: "COMMENT", id: reply.data.id }, reason: "Checking" });
    await moderate(secActor, { verb: "restore", target: { type: "COMMENT", id: reply.data.id } });
    const told = await notificationsOf(alice.id, "reply");
    expect(told).toHaveLength(1);
    expect(told[0]?.params).toMatchObject({ target: "COMMENT", by: "Bob", title: "The main sessions should include a youth track." });
    expect(told[0]?.link).toBe(`/consultations/${consultation.slug}/drafts/${draft.slug}#discussion`);
  });

  it("a reply published at once (post-moderation) tells the parent's author in the same transaction", async () => {
    const { draft } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const [alice, bob] = [await buildUser(), await buildUser({ name: "Bob" })];
    const top = await createComment(alice, { draftId: draft.id, body: "Workshops need remote hubs." });
    if (!top.ok) throw new Error("setup");
    await createComment(bob, { draftId: draft.id, body: "Yes, in every region.", parentId: top.data.id });
    expect((await notificationsOf(alice.id, "reply")).map((n) => n.params?.by)).toEqual(["Bob"]);
  });
});
