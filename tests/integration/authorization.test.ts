// Every secretariat action refuses participants and anonymous callers, and nothing changes.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { moderate, moderateMany } from "@/lib/moderation/service";
import { listQueue } from "@/lib/moderation/queue";
import { createReasonTemplate, deleteReasonTemplate, listReasonTemplates, updateReasonTemplate } from "@/lib/moderation/reasons";
import { updateBalancePolicy } from "@/lib/balance/policy";
import { setUserRole, listUsersForRoles } from "@/lib/roles/service";
import { listAuditLog } from "@/lib/audit/queries";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSubmission } from "../fixtures/moderation";

// Server actions and route handlers read the session through getCurrentUser: the tests choose who is signed in.
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

async function snapshot(consultationId: string, submissionId: string, userId: string) {
  return {
    submission: await db.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { status: true, version: true, moderationNote: true } }),
    policy: await db.balancePolicy.findUnique({ where: { consultationId } }),
    events: await db.moderationEvent.count({ where: { submissionId } }),
    templates: await db.reasonTemplate.count(),
    role: (await db.user.findUniqueOrThrow({ where: { id: userId } })).role,
    audit: await db.auditEvent.count(),
  };
}

describe("secretariat actions refuse participants and anonymous callers", () => {
  let ctx: { consultationId: string; slug: string; submissionId: string; templateId: string; targetUserId: string };

  beforeEach(async () => {
    const c = await buildConsultation();
    const s = await buildSubmission({ consultationId: c.id });
    const sec = await buildUser({ role: "SECRETARIAT" });
    const tpl = await createReasonTemplate(sec, { kind: "REJECT", label: "Off topic", text: "Outside the scope." });
    if (!tpl.ok) throw new Error("setup");
    const target = await buildUser();
    ctx = { consultationId: c.id, slug: c.slug, submissionId: s.id, templateId: tpl.data.id, targetUserId: target.id };
  });

  for (const who of ["participant", "anonymous"] as const) {
    it(`lib services: ${who}`, async () => {
      const actor = who === "participant" ? await buildUser() : null;
      const before = await snapshot(ctx.consultationId, ctx.submissionId, ctx.targetUserId);
      const target = { type: "SUBMISSION" as const, id: ctx.submissionId };
      for (const verb of ["publish", "publishOverBalance", "reject", "requestChanges", "hide", "restore"] as const) {
        expect(await moderate(actor, { verb, target, reason: "x" })).toMatchObject({ ok: false, status: 403 });
        expect(await moderateMany(actor, { verb, targets: [target], reason: "x" })).toMatchObject({ ok: false, status: 403 });
      }
      expect(await listQueue(actor, {})).toBeNull();
      expect(await listReasonTemplates(actor)).toEqual([]);
      expect(await createReasonTemplate(actor, { kind: "REJECT", label: "Mine", text: "A new reason." })).toMatchObject({ ok: false, status: 403 });
      expect(await updateReasonTemplate(actor, ctx.templateId, { kind: "REJECT", label: "Mine", text: "A new reason." })).toMatchObject({ ok: false, status: 403 });
      expect(await deleteReasonTemplate(actor, ctx.templateId)).toMatchObject({ ok: false, status: 403 });
      expect(await updateBalancePolicy(actor, ctx.consultationId, { maxPerContributor: 99 })).toMatchObject({ ok: false, status: 403 });
      expect(await setUserRole(actor, { userId: ctx.targetUserId, role: "ADMIN" })).toMatchObject({ ok: false, status: 403 });
      expect(await listUsersForRoles(actor, {})).toBeNull();
      expect(await listAuditLog(actor, {})).toBeNull();
      expect(await snapshot(ctx.consultationId, ctx.submissionId, ctx.targetUserId)).toEqual(before);
    });

    it(`server actions and routes: ${who}`, async () => {
      session.user = who === "participant" ? await buildUser() : null;
      const before = await snapshot(ctx.consultationId, ctx.submissionId, ctx.targetUserId);
      const { moderateQueueAction } = await import("@/app/secretariat/queue-actions");
      const { updatePolicyAction } = await import("@/app/secretariat/consultations/[slug]/balance/actions");
      const { setRoleAction } = await import("@/app/secretariat/users/actions");
      const { saveReasonAction } = await import("@/app/secretariat/reasons/actions");
      const { GET: exportAudit } = await import("@/app/secretariat/audit/export/route");

      const form = (entries: Record<string, string | string[]>) => {
        const f = new FormData();
        for (const [k, v] of Object.entries(entries)) for (const value of [v].flat()) f.append(k, value);
        return f;
      };
      for (const verb of ["publish", "reject", "hide", "restore"]) {
        const state = await moderateQueueAction({ status: "idle" }, form({ verb, reason: "x", selection: [`SUBMISSION:${ctx.submissionId}:1`] }));
        expect(state).toMatchObject({ status: "error", error: "forbidden" });
      }
      expect(await updatePolicyAction(ctx.consultationId, ctx.slug, { status: "idle" }, form({ maxPerContributor: "99" }))).toMatchObject({ status: "error", error: "forbidden" });
      await expect(setRoleAction(form({ userId: ctx.targetUserId, role: "ADMIN" }))).rejects.toThrow("error=forbidden");
      await expect(saveReasonAction(form({ kind: "REJECT", label: "Mine", text: "A new reason." }))).rejects.toThrow("error=forbidden");
      await expect(saveReasonAction(form({ id: ctx.templateId, intent: "delete" }))).rejects.toThrow("error=forbidden");
      const res = await exportAudit(new Request("http://x/secretariat/audit/export"));
      expect(res.status).toBe(who === "participant" ? 403 : 401);
      expect(await res.json()).toMatchObject({ error: "forbidden" });
      expect(await snapshot(ctx.consultationId, ctx.submissionId, ctx.targetUserId)).toEqual(before);
    });
  }

  it("lets the secretariat export the audit log as CSV, and only admins change roles", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    session.user = sec;
    await moderate(sec, { verb: "reject", target: { type: "SUBMISSION", id: ctx.submissionId }, templateId: ctx.templateId });
    const { GET: exportAudit } = await import("@/app/secretariat/audit/export/route");
    const res = await exportAudit(new Request(`http://x/secretariat/audit/export?entity=${ctx.submissionId}`));
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // UTF-8 with a byte-order mark, so spreadsheet programs open non-Latin text correctly.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe("time,source,actor,actor_email,action,entity_type,entity_id,consultation,reason,from_status,to_status,details");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("REJECT");
    expect(lines[1]).toContain("Outside the scope.");
    const { setRoleAction } = await import("@/app/secretariat/users/actions");
    const f = new FormData();
    f.set("userId", ctx.targetUserId);
    f.set("role", "SECRETARIAT");
    await expect(setRoleAction(f)).rejects.toThrow("error=forbidden");
    expect((await db.user.findUniqueOrThrow({ where: { id: ctx.targetUserId } })).role).toBe("PARTICIPANT");
  });
});
