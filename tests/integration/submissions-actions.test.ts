// Server actions refuse callers without the right role before any work: anonymous and participant imports
// change nothing; anonymous contributions are refused.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { buildConsultation, buildUser } from "../fixtures/users";
import { contributionInput, withTemporaryStorage } from "../fixtures/submissions";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async (original) => ({ ...(await original<typeof import("@/lib/auth/session")>()), getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({ redirect: (url: string) => { throw new Error(`redirect:${url}`); } }));

const { importAction } = await import("@/app/secretariat/consultations/[slug]/import/actions");
const { submitContributionAction } = await import("@/app/(participant)/consultations/[slug]/contribute/actions");

withTemporaryStorage();
const CSV = "title,body,contributor_name,organisation,stakeholder_group,country,themes,language,received_at\r\nA letter,Text,Ann,,GOVERNMENT,SN,access,fr,2026-02-01\r\n";

function importForm(intent: "preview" | "import") {
  const form = new FormData();
  form.set("file", new File([CSV], "inputs.csv", { type: "text/csv" }));
  form.set("intent", intent);
  return form;
}

function asCurrent(user: { id: string; email: string; name: string; role: CurrentUser["role"]; stakeholderGroup: CurrentUser["stakeholderGroup"]; country: string; organisationId: string | null; locale: string }): CurrentUser {
  return user;
}

describe("secretariat-only import action", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("refuses anonymous callers and participants, and stores nothing", async () => {
    const c = await buildConsultation();
    for (const intent of ["preview", "import"] as const) {
      session.user = null;
      expect(await importAction(c.slug, { status: "idle" }, importForm(intent))).toEqual({ status: "error", error: "forbidden" });
      session.user = asCurrent(await buildUser());
      expect(await importAction(c.slug, { status: "idle" }, importForm(intent))).toMatchObject({ status: "error", error: "forbidden" });
    }
    expect(await db.submission.count({ where: { consultationId: c.id } })).toBe(0);
    expect(await db.importBatch.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("lets the secretariat preview then import", async () => {
    const c = await buildConsultation();
    session.user = asCurrent(await buildUser({ role: "SECRETARIAT" }));
    const preview = await importAction(c.slug, { status: "idle" }, importForm("preview"));
    expect(preview).toMatchObject({ status: "preview", report: { valid: 1 } });
    expect(await db.submission.count({ where: { consultationId: c.id } })).toBe(0);
    const form = importForm("import");
    if (preview.status === "preview") form.set("fileHash", preview.report.fileHash);
    expect(await importAction(c.slug, { status: "idle" }, form)).toEqual({ status: "imported", created: 1, skipped: 0 });
  });
});

describe("contribution action", () => {
  it("refuses an anonymous caller and stores nothing", async () => {
    const c = await buildConsultation();
    session.user = null;
    const form = new FormData();
    for (const [k, v] of Object.entries(contributionInput())) {
      if (Array.isArray(v)) v.forEach((x) => form.append(k, String(x)));
      else form.set(k, String(v));
    }
    expect(await submitContributionAction(c.id, { status: "idle" }, form)).toMatchObject({ status: "error", error: "forbidden" });
    expect(await db.submission.count({ where: { consultationId: c.id } })).toBe(0);
    session.user = asCurrent(await buildUser());
    await expect(submitContributionAction(c.id, { status: "idle" }, form)).rejects.toThrow(/^redirect:\/my\/contributions\//);
    expect(await db.submission.count({ where: { consultationId: c.id } })).toBe(1);
  });
});
