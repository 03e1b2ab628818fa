// The secretariat's consultation, draft, synthesis and glossary server actions refuse participants and
// anonymous callers, and nothing changes. (Moderation, balance, roles and import actions: see
// authorization.test.ts and submissions-actions.test.ts.)
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { buildUser } from "../fixtures/users";
import { buildDraft } from "../fixtures/drafts";
import { buildSubmission } from "../fixtures/synthesis";
import { buildLiveDraft } from "@/lib/synthesis/draft";

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "PARTICIPANT" | "SECRETARIAT" | "ADMIN" } }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...original, getCurrentUser: vi.fn(async () => session.user) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((url: string) => {
    throw new Error(`REDIRECT ${url}`);
  }),
}));

const consultationActions = await import("@/app/secretariat/consultations/actions");
const draftActions = await import("@/app/secretariat/consultations/[slug]/drafts/actions");
const synthesisActions = await import("@/app/secretariat/consultations/[slug]/synthesis/actions");
const glossaryActions = await import("@/app/secretariat/glossary/actions");

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

/** Everything these actions could write. */
async function state(consultationId: string, draftId: string) {
  return {
    consultations: await db.consultation.findMany({ orderBy: { id: "asc" } }),
    themes: await db.theme.findMany({ where: { consultationId }, orderBy: { id: "asc" } }),
    drafts: await db.draftDocument.findMany({ where: { consultationId }, orderBy: { id: "asc" } }),
    versions: await db.draftVersion.count({ where: { draftId } }),
    snapshots: await db.synthesisDraft.findMany({ where: { consultationId }, select: { number: true, published: true } }),
    glossary: await db.glossaryTerm.findMany({ orderBy: { id: "asc" } }),
    synthesisEdits: await db.synthesisEdit.count({ where: { consultationId } }),
    synthesisSettings: await db.synthesisSettings.findMany({ where: { consultationId } }),
    synthesisSetAside: await db.synthesisSetAside.count({ where: { consultationId } }),
    synthesisBuild: await db.synthesisBuild.findUnique({ where: { consultationId }, select: { status: true, generation: true } }),
    audit: await db.auditEvent.count(),
  };
}

describe("secretariat admin actions refuse participants and anonymous callers", () => {
  let ctx: { consultationId: string; slug: string; themeId: string; draftId: string; termId: string };

  beforeAll(async () => {
    const { consultation: c, draft } = await buildDraft();
    const themeId = c.themes[0]?.id ?? "";
    await buildSubmission({ consultationId: c.id, themeIds: [themeId], group: "GOVERNMENT", country: "KE", contributor: "Ministry", title: "Backbones", body: "Open-access backbones lower the cost of connectivity." });
    const term = await db.glossaryTerm.create({ data: { acronym: "AUTHZ", expansion: "Authorisation test term" } });
    const sec = await buildUser({ role: "SECRETARIAT" });
    // One snapshot exists, so publishing it is a real change a participant could attempt.
    session.user = { id: sec.id, role: "SECRETARIAT" };
    await buildLiveDraft(db, c.slug);
    await synthesisActions.saveSnapshotAction(c.slug).catch(() => undefined);
    session.user = null;
    ctx = { consultationId: c.id, slug: c.slug, themeId, draftId: draft.id, termId: term.id };
  });

  const consultationForm = () =>
    form({ slug: "taken-over", title: "Taken over", description: "x", status: "PUBLISHED", referencePrefix: "XX", moderationMode: "POST" });

  for (const who of ["anonymous", "participant"] as const) {
    it(`${who}: every action is refused and nothing changes`, async () => {
      session.user = who === "anonymous" ? null : { id: (await buildUser()).id, role: "PARTICIPANT" };
      const before = await state(ctx.consultationId, ctx.draftId);
      const idle = { status: "idle" } as const;
      const results: unknown[] = [];
      const attempt = async (run: () => Promise<unknown>) => {
        try {
          results.push(await run());
        } catch (error) {
          results.push(error instanceof Error ? error.message : String(error));
        }
      };

      await attempt(() => consultationActions.createConsultationAction(idle, consultationForm()));
      await attempt(() => consultationActions.updateConsultationAction(ctx.consultationId, idle, consultationForm()));
      await attempt(() => consultationActions.addThemeAction(ctx.consultationId, idle, form({ slug: "new-theme", title: "New theme" })));
      await attempt(() => consultationActions.updateThemeAction(ctx.themeId, idle, form({ slug: "renamed", title: "Renamed" })));
      await attempt(() => consultationActions.updateThemeAction(ctx.themeId, idle, form({ intent: "delete", slug: "access", title: "Access" })));
      await attempt(() => draftActions.createDraftAction(ctx.consultationId, ctx.slug, idle, form({ title: "Hijack", slug: "hijack", source: "# Hi\n\nText." })));
      await attempt(() => draftActions.publishVersionAction(ctx.draftId, idle, form({ source: "# Replaced\n\nAll new text." })));
      await attempt(() => draftActions.setPeriodAction(ctx.draftId, idle, form({ commentsOpenAt: "2020-01-01T00:00", commentsCloseAt: "2020-01-02T00:00" })));
      await attempt(() => draftActions.closeCommentsAction(ctx.draftId, idle, form({})));
      await attempt(() => synthesisActions.saveSnapshotAction(ctx.slug));
      await attempt(() => synthesisActions.publishSnapshotAction(ctx.slug, 1, true));
      await attempt(() => synthesisActions.regenerateAction(ctx.slug));
      const point = await db.synthesisPoint.findFirstOrThrow({ where: { consultationId: ctx.consultationId } });
      await attempt(() => synthesisActions.editPointAction(ctx.slug, point.key, 1, idle, form({ intent: "rewrite", text: "Hijacked" })));
      await attempt(() => synthesisActions.editPointAction(ctx.slug, point.key, 1, idle, form({ intent: "setAside", reason: "Hijacked" })));
      const submission = await db.submission.findFirstOrThrow({ where: { consultationId: ctx.consultationId } });
      await attempt(() => synthesisActions.setAsideContributionAction(ctx.slug, submission.id, false, idle, form({ reason: "Hijacked" })));
      await attempt(() => synthesisActions.saveSettingsAction(ctx.slug, idle, form({ language: "fr", bodyPoints: "1", naming: "ALL", severalFrom: "5", severalShare: "0.1", manyShare: "0.5", manyFrom: "5", version: "0" })));
      await attempt(() => glossaryActions.addTermAction({ status: "idle" }, form({ acronym: "HIJACK", expansion: "Not allowed" })));
      await attempt(() => glossaryActions.editTermAction(ctx.termId, { status: "idle" }, form({ acronym: "AUTHZ", expansion: "Changed" })));

      expect(await state(ctx.consultationId, ctx.draftId)).toEqual(before);
      // Each refusal says so: a forbidden state, or a redirect carrying the error.
      for (const result of results) expect(JSON.stringify(result)).toMatch(/forbidden/);
    });
  }

  it("the secretariat can do the same (the test would notice a broken action)", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    session.user = { id: sec.id, role: "SECRETARIAT" };
    const before = await state(ctx.consultationId, ctx.draftId);
    expect(before.versions).toBe(1);
    expect(before.snapshots).toEqual([{ number: 1, published: false }]);
    const result = await consultationActions.addThemeAction(ctx.consultationId, { status: "idle" }, form({ slug: "openness", title: "Openness" }));
    expect(result).toMatchObject({ status: "saved" });
    await glossaryActions.addTermAction({ status: "idle" }, form({ acronym: "OKTERM", expansion: "Allowed" })).catch(() => undefined);
    const after = await state(ctx.consultationId, ctx.draftId);
    expect(after.themes.length).toBe(before.themes.length + 1);
    expect(after.glossary.length).toBe(before.glossary.length + 1);
  });
});
