// The daily digest: one e-mail a day per person who chose it, nothing sent twice, nothing lost if a worker dies.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { notify } from "@/lib/notifications/service";
import { currentDigestCutoff, sendDigest } from "@/lib/notifications/digest";
import { enqueueJob } from "@/lib/jobs/queue";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { buildUser } from "../fixtures/users";
import { ageNotifications, notificationsOf, setPreferences } from "../fixtures/notifications";
import { jobRows, makeJobsDue, runJobs } from "../fixtures/jobs";

async function raise(userId: string, kinds: NotificationKind[]) {
  await withTransaction(async (tx) => {
    for (const kind of kinds) await notify(tx, { userId, kind, params: { target: "SUBMISSION", title: `About ${kind}` } });
  });
}

const emails = async (userId: string) => (await notificationsOf(userId)).map((n) => [n.kind, n.email]);

describe("daily digest", () => {
  it("gathers what arrived before the cutoff into one digest per person, through the hourly task", async () => {
    const [daily, other] = [await buildUser(), await buildUser()];
    await setPreferences(daily.id, { delivery: "DAILY" });
    await setPreferences(other.id, { delivery: "DAILY" });
    await raise(daily.id, ["published", "rejected"]);
    await raise(other.id, ["held"]);
    await ageNotifications(daily.id, 30);
    await ageNotifications(other.id, 30);
    await raise(daily.id, ["released"]); // arrived after the cutoff: tomorrow's digest
    await enqueueJob(null, "notifications.digest", {});
    await runJobs();
    expect(await emails(daily.id)).toEqual([["published", "DIGESTED"], ["rejected", "DIGESTED"], ["released", "DIGEST"]]);
    expect(await emails(other.id)).toEqual([["held", "DIGESTED"]]);
    // The task again (a second worker's tick, a retry): nothing more is gathered.
    await enqueueJob(null, "notifications.digest", {});
    await runJobs();
    expect(await emails(daily.id)).toEqual([["published", "DIGESTED"], ["rejected", "DIGESTED"], ["released", "DIGEST"]]);
  });

  it("two runs for one person at once gather each notification once", async () => {
    const u = await buildUser();
    await setPreferences(u.id, { delivery: "DAILY" });
    await raise(u.id, ["published", "hidden", "restored"]);
    await ageNotifications(u.id, 30);
    const cutoff = await currentDigestCutoff();
    const outcomes = await Promise.all([sendDigest(u.id, cutoff), sendDigest(u.id, cutoff), sendDigest(u.id, cutoff)]);
    expect(outcomes.map((o) => o.sent).sort()).toEqual([0, 0, 3]);
  });

  it("skips a kind turned off before the digest went out, and still sends what waited after a switch back to one by one", async () => {
    const u = await buildUser();
    await setPreferences(u.id, { delivery: "DAILY" });
    await raise(u.id, ["published", "reply"]);
    await ageNotifications(u.id, 30);
    await setPreferences(u.id, { delivery: "IMMEDIATE", emailOff: ["reply"] });
    expect(await sendDigest(u.id, await currentDigestCutoff())).toEqual({ sent: 1, skipped: 1 });
    expect(await emails(u.id)).toEqual([["published", "DIGESTED"], ["reply", "SKIPPED"]]);
  });

  it("a worker that dies mid-digest loses nothing: the retry gathers everything, once", async () => {
    const u = await buildUser();
    await setPreferences(u.id, { delivery: "DAILY" });
    await raise(u.id, ["published", "rejected"]);
    await ageNotifications(u.id, 30);
    // The first attempt fails after marking the notifications (as if the process died before committing).
    await db.$executeRawUnsafe(`CREATE SEQUENCE digest_crash`);
    await db.$executeRawUnsafe(`
      CREATE FUNCTION digest_crash_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('digest_crash') = 1 THEN RAISE EXCEPTION 'worker died mid-digest'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER digest_crash AFTER UPDATE OF email ON "Notification" FOR EACH ROW WHEN (NEW.email = 'DIGESTED') EXECUTE FUNCTION digest_crash_once()`);
    try {
      await enqueueJob(null, "notifications.sendDigest", { userId: u.id, cutoff: (await currentDigestCutoff()).toISOString() });
      await runJobs();
      const [failed] = await jobRows("notifications.sendDigest");
      expect(failed?.last_error).toContain("worker died mid-digest");
      expect(await emails(u.id)).toEqual([["published", "DIGEST"], ["rejected", "DIGEST"]]);
      await makeJobsDue();
      await runJobs();
      expect(await emails(u.id)).toEqual([["published", "DIGESTED"], ["rejected", "DIGESTED"]]);
      expect(await jobRows("notifications.sendDigest")).toEqual([]);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER digest_crash ON "Notification"`);
    }
  });

  it("people who get one e-mail per notification have nothing waiting for a digest", async () => {
    const u = await buildUser();
    await raise(u.id, ["published"]);
    await ageNotifications(u.id, 30);
    expect(await sendDigest(u.id, await currentDigestCutoff())).toEqual({ sent: 0, skipped: 0 });
    expect(await emails(u.id)).toEqual([["published", "QUEUED"]]);
  });
});
