// The synthesis page tells the secretariat when the inputs changed since the draft was built, and the build job
// (the app's queue) rebuilds it with progress recorded.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getBuildStatus, getLiveSynthesis, requestSynthesisBuild } from "@/lib/synthesis/service";
import { listQueuedJobs } from "@/lib/jobs/queue";
import { buildUser, buildConsultation } from "../fixtures/users";
import { buildSubmission } from "../fixtures/synthesis";
import { runJobs } from "../fixtures/jobs";

describe("synthesis build job", () => {
  it("builds on the job queue, records progress, and reports the draft stale when an input is published, hidden or edited", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation({ themes: ["access"] });
    const base = { consultationId: c.id, themeIds: [c.themes[0]?.id ?? ""], country: "KE" };
    const first = await buildSubmission({ ...base, group: "GOVERNMENT", contributor: "Ministry A", title: "Backbones", body: "Open-access backbones lower the cost of connectivity for everyone." });

    expect(await getBuildStatus(sec, c.slug)).toMatchObject({ ok: true, data: { status: "NONE", stale: true } });
    expect(await getLiveSynthesis(sec, c.slug)).toEqual({ ok: true, data: null });
    expect(await requestSynthesisBuild(sec, c.slug)).toEqual({ ok: true, data: { queued: true } });
    // Asking twice keeps one waiting job (job key).
    await requestSynthesisBuild(sec, c.slug);
    expect((await listQueuedJobs("synthesis.build")).filter((j) => (j.payload as { consultationId?: string }).consultationId === c.id)).toHaveLength(1);
    expect(await getBuildStatus(sec, c.slug)).toMatchObject({ ok: true, data: { status: "QUEUED" } });
    await runJobs();
    const built = await getBuildStatus(sec, c.slug);
    expect(built).toMatchObject({ ok: true, data: { status: "DONE", stale: false, generation: 1 } });
    const live = await getLiveSynthesis(sec, c.slug);
    expect(live.ok && live.data?.counts.submissions).toBe(1);

    await buildSubmission({ ...base, group: "CIVIL_SOCIETY", contributor: "Digital Rights", title: "Shutdowns", body: "Internet shutdowns during elections deprive citizens of information." });
    expect(await getBuildStatus(sec, c.slug)).toMatchObject({ ok: true, data: { stale: true } });
    await requestSynthesisBuild(sec, c.slug);
    await runJobs();
    expect(await getBuildStatus(sec, c.slug)).toMatchObject({ ok: true, data: { status: "DONE", stale: false, generation: 2 } });

    await db.submission.update({ where: { id: first.id }, data: { status: "HIDDEN" } });
    expect(await getBuildStatus(sec, c.slug)).toMatchObject({ ok: true, data: { stale: true } });
    await db.submission.update({ where: { id: first.id }, data: { status: "PUBLISHED" } });
    await db.submission.update({ where: { id: first.id }, data: { body: "Open-access backbones lower costs." } });
    expect(await getBuildStatus(sec, c.slug)).toMatchObject({ ok: true, data: { stale: true } });
    const audit = await db.auditEvent.count({ where: { consultationId: c.id, action: "synthesis.build" } });
    expect(audit).toBe(3);
  });

  it("refuses participants and visitors", async () => {
    const c = await buildConsultation({ themes: ["access"] });
    for (const actor of [await buildUser(), null]) {
      expect(await requestSynthesisBuild(actor, c.slug)).toMatchObject({ ok: false, status: 403 });
      expect(await getBuildStatus(actor, c.slug)).toMatchObject({ ok: false, status: 403 });
    }
    expect(await db.synthesisBuild.count({ where: { consultationId: c.id } })).toBe(0);
  });
});
