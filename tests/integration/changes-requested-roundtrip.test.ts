// The whole "request changes" loop across concerns: the secretariat asks, the author sees the note,
// edits, and the contribution returns to the queue with its history kept.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { submitContribution, listMyContributions } from "@/lib/submissions/service";
import { moderate } from "@/lib/moderation/service";
import { listQueue } from "@/lib/moderation/queue";
import { buildConsultation, buildUser } from "../fixtures/users";
import { contributionInput, withTemporaryStorage } from "../fixtures/submissions";

withTemporaryStorage();

describe("request changes, round trip", () => {
  it("goes back to the author with the note, and back to the queue after the edit", async () => {
    const consultation = await buildConsultation();
    const author = await buildUser({ stakeholderGroup: "ACADEMIC_COMMUNITY", country: "IN" });
    const sec = await buildUser({ role: "SECRETARIAT" });
    const sent = await submitContribution(author, consultation.id, contributionInput({ title: "Figures on rural access" }));
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    const id = sent.data.id;

    const note = "Please add a source for the figures.";
    expect(await moderate(sec, { verb: "requestChanges", target: { type: "SUBMISSION", id }, reason: note })).toMatchObject({ ok: true });

    const mine = (await listMyContributions(author.id)).find((s) => s.id === id);
    expect(mine).toMatchObject({ status: "CHANGES_REQUESTED", moderationNote: note });
    const notification = await db.notification.findFirst({ where: { userId: author.id } });
    expect(notification).not.toBeNull();

    const edited = await submitContribution(author, consultation.id, contributionInput({ submissionId: id, expectedVersion: 2, title: "Figures on rural access (with sources)" }));
    if (!edited.ok) throw new Error(JSON.stringify(edited));
    expect(edited.data.reference).toBe(sent.data.reference);

    const after = await db.submission.findUniqueOrThrow({ where: { id }, include: { versions: { orderBy: { version: "asc" } } } });
    expect(after.status).toBe("PENDING");
    expect(after.versions.map((v) => v.title)).toEqual(["Figures on rural access", "Figures on rural access (with sources)"]);
    // Text versions count texts (1, 2), not writes: the request for changes moved the lock counter, not the numbering.
    expect(after.versions.map((v) => v.version)).toEqual([1, 2]);
    expect({ revision: after.revision, version: after.version }).toEqual({ revision: 2, version: 3 });
    const events = await db.moderationEvent.findMany({ where: { submissionId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["SUBMIT", "REQUEST_CHANGES", "EDIT"]));

    const queue = await listQueue(sec, { consultation: consultation.slug });
    expect(JSON.stringify(queue)).toContain("Figures on rural access (with sources)");
  });
});
