// Issues followed across meetings: the secretariat marks a point of a round's synthesis as an issue and links the
// later points, sessions and rounds that took it up, each with a status, a date and a note; every write audited and
// conditional on its version. The public reads only issues of public rounds, only their public steps, and a point's
// text only once its round has published its paper. Participants can neither create nor link.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildLiveDraft } from "@/lib/synthesis/draft";
import {
  addIssueLink, createIssue, getIssueForAdmin, getPublicIssue, listIssuesForAdmin, listPublicIssues, removeIssueLink, roundTargets, updateIssue, updateIssueLink,
} from "@/lib/issues/service";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSession } from "../fixtures/meetings";
import { buildSubmission } from "../fixtures/synthesis";

const HOUR = 3600_000;
let sec: Awaited<ReturnType<typeof buildUser>>;
let participant: Awaited<ReturnType<typeof buildUser>>;
let y2025: Awaited<ReturnType<typeof buildConsultation>>;
let y2026: Awaited<ReturnType<typeof buildConsultation>>;
let hidden: Awaited<ReturnType<typeof buildConsultation>>;
let session2026: Awaited<ReturnType<typeof buildSession>>;
let pointOf2025 = "";
let pointOf2026 = "";

async function roundWithPoints(iso: string, status: "PUBLISHED" | "DRAFT", bodies: string[]) {
  const c = await buildConsultation({ status, contributionsOpenAt: new Date(iso), contributionsCloseAt: new Date(new Date(iso).getTime() + 60 * 24 * HOUR), commentsOpenAt: null, commentsCloseAt: null, themes: ["access"] });
  const theme = c.themes[0]?.id ?? "";
  for (const [i, body] of bodies.entries()) {
    await buildSubmission({ consultationId: c.id, contributor: `Contributor ${i}`, group: i % 2 ? "GOVERNMENT" : "CIVIL_SOCIETY", country: i % 2 ? "KE" : "BR", title: `Input ${i}`, body, themeIds: [theme] });
  }
  await buildLiveDraft(db, c.slug);
  const points = await db.synthesisPoint.findMany({ where: { consultationId: c.id, placement: "body" }, orderBy: { number: "asc" } });
  expect(points.length).toBeGreaterThan(0);
  return { c, points };
}

beforeAll(async () => {
  sec = await buildUser({ role: "SECRETARIAT" });
  participant = await buildUser({ role: "PARTICIPANT" });
  const a = await roundWithPoints("2025-03-01T00:00:00Z", "PUBLISHED", [
    "Universal service funds should finance community networks in rural areas.",
    "Spectrum regulators should open shared bands for community networks.",
  ]);
  y2025 = a.c;
  pointOf2025 = a.points[0]?.key ?? "";
  const b = await roundWithPoints("2026-03-01T00:00:00Z", "PUBLISHED", ["Community networks received universal service funding in three countries this year."]);
  y2026 = b.c;
  pointOf2026 = b.points[0]?.key ?? "";
  hidden = (await roundWithPoints("2026-05-01T00:00:00Z", "DRAFT", ["A draft round says something about community networks and funds."])).c;
  session2026 = await buildSession(y2026.id, { title: `Main session on funds ${Date.now()}`, date: new Date("2026-06-24T00:00:00Z") });
});

describe("marking a point as an issue", () => {
  it("creates the issue from a synthesis point, its first step the point RAISED on the day given, audited", async () => {
    const targets = await roundTargets(sec, y2025.slug);
    expect(targets?.points.map((p) => p.key)).toContain(pointOf2025);
    const created = await createIssue(sec, { consultation: y2025.slug, pointKey: pointOf2025, title: "Funding community networks", description: "Whether universal service funds finance community networks.", date: "2025-07-01" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.data.slug).toBe("funding-community-networks");
    const issue = await getIssueForAdmin(sec, created.data.id);
    expect(issue?.links).toEqual([expect.objectContaining({ kind: "POINT", status: "RAISED", pointKey: pointOf2025, pointNumber: expect.any(Number) })]);
    expect(issue?.links[0]?.date.toISOString().slice(0, 10)).toBe("2025-07-01");
    expect(issue?.links[0]?.pointText).toMatch(/community networks/);
    const audit = await db.auditEvent.findFirst({ where: { action: "issues.create", entityId: created.data.id } });
    expect(audit?.actorId).toBe(sec.id);
    // The point is now followed: the targets say by which issue, and it cannot be marked twice.
    expect((await roundTargets(sec, y2025.slug))?.points.find((p) => p.key === pointOf2025)?.issueId).toBe(created.data.id);
    const again = await createIssue(sec, { consultation: y2025.slug, pointKey: pointOf2025, title: "Another name", date: "2025-07-01" });
    expect(again).toMatchObject({ ok: false, fieldErrors: { pointKey: ["pointFollowed"] } });
  });

  it("says what is wrong, field by field, and stores nothing", async () => {
    const before = await db.followedIssue.count();
    const bad = await createIssue(sec, { consultation: y2025.slug, pointKey: "", title: "x", date: "2025-02-30" });
    expect(bad).toMatchObject({ ok: false, error: "invalidInput", fieldErrors: { pointKey: ["pointRequired"], title: ["titleRequired"], date: ["dateInvalid"] } });
    const unknownPoint = await createIssue(sec, { consultation: y2025.slug, pointKey: "no-such-point", title: "Unknown point", date: "2025-07-01" });
    expect(unknownPoint).toMatchObject({ ok: false, fieldErrors: { pointKey: ["pointUnknown"] } });
    const unknownRound = await createIssue(sec, { consultation: "no-such-round", pointKey: pointOf2025, title: "Unknown round", date: "2025-07-01" });
    expect(unknownRound).toMatchObject({ ok: false, fieldErrors: { consultation: ["roundUnknown"] } });
    expect(await db.followedIssue.count()).toBe(before);
  });
});

describe("following the issue across meetings", () => {
  let issueId = "";
  beforeAll(async () => {
    const created = await createIssue(sec, { consultation: y2025.slug, pointKey: (await db.synthesisPoint.findFirstOrThrow({ where: { consultationId: y2025.id, placement: "body", key: { not: pointOf2025 } } })).key, title: "Shared spectrum", date: "2025-07-02" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    issueId = created.data.id;
  });

  it("links a later session, a later round's point and the round itself, each with a status, a date and a note", async () => {
    const session = await addIssueLink(sec, issueId, { consultation: y2026.slug, target: `session:${session2026.slug}`, status: "DISCUSSED", date: "2026-06-24", note: "Discussed in the main session." });
    const point = await addIssueLink(sec, issueId, { consultation: y2026.slug, target: `point:${pointOf2026}`, status: "TAKEN_UP", date: "2026-04-15", note: "" });
    const round = await addIssueLink(sec, issueId, { consultation: y2026.slug, target: "round", status: "OUTCOME", date: "2026-12-01", note: "Recommended in the outcome." });
    expect([session.ok, point.ok, round.ok]).toEqual([true, true, true]);
    const issue = await getIssueForAdmin(sec, issueId);
    expect(issue?.links.map((l) => [l.kind, l.status, l.date.toISOString().slice(0, 10)])).toEqual([
      ["POINT", "RAISED", "2025-07-02"], ["POINT", "TAKEN_UP", "2026-04-15"], ["SESSION", "DISCUSSED", "2026-06-24"], ["ROUND", "OUTCOME", "2026-12-01"],
    ]);
    expect(await db.auditEvent.count({ where: { action: "issues.link.add", details: { path: ["issue"], equals: issueId } } })).toBe(3);
    // The same target twice is refused in place.
    const twice = await addIssueLink(sec, issueId, { consultation: y2026.slug, target: `session:${session2026.slug}`, status: "OUTCOME", date: "2026-06-25" });
    expect(twice).toMatchObject({ ok: false, fieldErrors: { target: ["targetLinked"] } });
    const unknown = await addIssueLink(sec, issueId, { consultation: y2026.slug, target: "session:no-such-session", status: "DISCUSSED", date: "2026-06-25" });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { target: ["targetUnknown"] } });
    const badStatus = await addIssueLink(sec, issueId, { consultation: y2026.slug, target: "round", status: "DONE", date: "" });
    expect(badStatus).toMatchObject({ ok: false, fieldErrors: { status: ["statusInvalid"], date: ["dateRequired"] } });
  });

  it("edits a step and the issue conditionally on the version read, audited with before and after", async () => {
    const link = await db.followedIssueLink.findFirstOrThrow({ where: { issueId, kind: "SESSION" } });
    const saved = await updateIssueLink(sec, link.id, { status: "TAKEN_UP", date: "2026-06-25", note: "Taken up by the MAG.", version: link.version });
    expect(saved.ok).toBe(true);
    const stale = await updateIssueLink(sec, link.id, { status: "OUTCOME", date: "2026-06-25", note: "", version: link.version });
    expect(stale).toMatchObject({ ok: false, error: "changedSinceLoaded" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "issues.link.update", entityId: link.id } });
    expect(audit.details).toMatchObject({ before: { status: "DISCUSSED", date: "2026-06-24" }, after: { status: "TAKEN_UP", date: "2026-06-25", note: "Taken up by the MAG." } });

    const issue = await db.followedIssue.findUniqueOrThrow({ where: { id: issueId } });
    expect((await updateIssue(sec, issueId, { title: "Shared spectrum for community networks", slug: "", description: "Bands.", version: issue.version })).ok).toBe(true);
    expect(await updateIssue(sec, issueId, { title: "Again", slug: "", description: "", version: issue.version })).toMatchObject({ ok: false, error: "changedSinceLoaded" });
    expect(await db.auditEvent.findFirst({ where: { action: "issues.update", entityId: issueId } })).toMatchObject({ details: expect.objectContaining({ changed: ["title", "slug", "description"] }) });

    // The step the issue was marked on stays; another one can be removed, once.
    const origin = await db.followedIssueLink.findFirstOrThrow({ where: { issueId, status: "RAISED" } });
    expect(await removeIssueLink(sec, origin.id, origin.version)).toMatchObject({ ok: false, error: "originLink" });
    const round = await db.followedIssueLink.findFirstOrThrow({ where: { issueId, kind: "ROUND" } });
    expect((await removeIssueLink(sec, round.id, round.version)).ok).toBe(true);
    expect(await removeIssueLink(sec, round.id, round.version)).toMatchObject({ ok: false, status: 404 });
    expect(await db.auditEvent.count({ where: { action: "issues.link.remove", entityId: round.id } })).toBe(1);
  });

  it("shows the public only issues of public rounds and their public steps, in date order", async () => {
    // A step in a round that is not public is the secretariat's alone.
    const draftStep = await addIssueLink(sec, issueId, { consultation: hidden.slug, target: "round", status: "DISCUSSED", date: "2026-05-02" });
    expect(draftStep.ok).toBe(true);
    const hiddenPoint = (await db.synthesisPoint.findFirstOrThrow({ where: { consultationId: hidden.id } })).key;
    const hiddenIssue = await createIssue(sec, { consultation: hidden.slug, pointKey: hiddenPoint, title: "Marked in a draft round", date: "2026-05-03" });
    expect(hiddenIssue.ok).toBe(true);

    const list = await listPublicIssues();
    const slugs = list.map((i) => i.slug);
    expect(slugs).toContain("shared-spectrum-for-community-networks");
    expect(slugs).not.toContain("marked-in-a-draft-round");
    expect(list.find((i) => i.slug === "shared-spectrum-for-community-networks")).toMatchObject({ steps: 3, lastStatus: "TAKEN_UP", round: { slug: y2025.slug, year: 2025 } });
    expect(await getPublicIssue("marked-in-a-draft-round")).toBeNull();

    const issue = await getPublicIssue("shared-spectrum-for-community-networks");
    expect(issue?.steps.map((s) => [s.kind, s.status, s.round.year])).toEqual([["POINT", "RAISED", 2025], ["POINT", "TAKEN_UP", 2026], ["SESSION", "TAKEN_UP", 2026]]);
    expect(issue?.steps[2]?.session?.slug).toBe(session2026.slug);
    // No round has published its paper: the live draft's text stays with the secretariat.
    expect(issue?.steps[0]?.point).toEqual({ number: null, text: null, published: false });

    await db.synthesisDraft.create({ data: { consultationId: y2025.id, number: 1, model: {}, markdown: "# Paper", published: true } });
    const afterPublishing = await getPublicIssue("shared-spectrum-for-community-networks");
    expect(afterPublishing?.steps[0]?.point).toMatchObject({ published: true, number: expect.any(Number), text: expect.stringMatching(/community networks/) });
    expect(afterPublishing?.steps[1]?.point?.text).toBeNull();
  });
});

describe("who may follow issues", () => {
  it("refuses participants and anonymous visitors: no issue, no link, no edit, nothing listed", async () => {
    const issue = await db.followedIssue.findFirstOrThrow({ where: { consultationId: y2025.id } });
    const link = await db.followedIssueLink.findFirstOrThrow({ where: { issueId: issue.id } });
    for (const actor of [participant, null]) {
      expect(await createIssue(actor, { consultation: y2026.slug, pointKey: pointOf2026, title: "By a participant", date: "2026-04-01" })).toMatchObject({ ok: false, status: 403 });
      expect(await addIssueLink(actor, issue.id, { consultation: y2026.slug, target: "round", status: "DISCUSSED", date: "2026-04-01" })).toMatchObject({ ok: false, status: 403 });
      expect(await updateIssue(actor, issue.id, { title: "Renamed", slug: "", description: "", version: issue.version })).toMatchObject({ ok: false, status: 403 });
      expect(await updateIssueLink(actor, link.id, { status: "OUTCOME", date: "2026-04-01", note: "", version: link.version })).toMatchObject({ ok: false, status: 403 });
      expect(await removeIssueLink(actor, link.id, link.version)).toMatchObject({ ok: false, status: 403 });
      expect(await listIssuesForAdmin(actor)).toBeNull();
      expect(await roundTargets(actor, y2025.slug)).toBeNull();
      expect(await getIssueForAdmin(actor, issue.id)).toBeNull();
    }
    expect(await db.followedIssue.count({ where: { title: "By a participant" } })).toBe(0);
  });
});
