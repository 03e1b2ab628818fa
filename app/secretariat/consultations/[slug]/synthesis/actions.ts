"use server";
import { randomUUID } from "node:crypto";
import { expectArgs } from "@/lib/http/action-args";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { editSynthesisPoint, requestSynthesisBuild, saveSnapshot, saveSynthesisSettings, setSnapshotPublished, setSubmissionAside } from "@/lib/synthesis/service";
import type { PointEditState } from "@/components/synthesis/point-editor";

const pageOf = (slug: string) => `/secretariat/consultations/${encodeURIComponent(slug)}/synthesis`;

export async function regenerateAction(slug: string): Promise<void> {
  expectArgs([slug], ["string"]);
  const result = await requestSynthesisBuild(await getCurrentUser(), slug);
  if (!result.ok) redirect(`${pageOf(slug)}?error=${result.error}`);
  revalidatePath(pageOf(slug));
  redirect(`${pageOf(slug)}?notice=requested`);
}

export async function saveSnapshotAction(slug: string): Promise<void> {
  expectArgs([slug], ["string"]);
  const result = await saveSnapshot(await getCurrentUser(), slug);
  if (!result.ok) redirect(`${pageOf(slug)}?error=${result.error}`);
  revalidatePath(pageOf(slug));
  redirect(`${pageOf(slug)}?snapshot=${result.data.number}&notice=saved`);
}

export async function publishSnapshotAction(slug: string, number: number, publish: boolean): Promise<void> {
  expectArgs([slug, number, publish], ["string", "number", "boolean"]);
  const result = await setSnapshotPublished(await getCurrentUser(), slug, number, publish);
  if (!result.ok) redirect(`${pageOf(slug)}?error=${result.error}`);
  revalidatePath(pageOf(slug));
  redirect(`${pageOf(slug)}?snapshot=${number}&notice=${publish ? "published" : "unpublished"}`);
}

function payloadOf(formData: FormData): unknown {
  const intent = String(formData.get("intent") ?? "");
  switch (intent) {
    case "rewrite":
      return { action: "rewrite", text: String(formData.get("text") ?? "") };
    case "up":
    case "down":
      return { action: "reorder", direction: intent };
    case "move":
      return { action: "move", section: String(formData.get("section") ?? "") };
    case "merge":
      return { action: "merge", into: String(formData.get("into") ?? "") };
    case "split":
      return { action: "split", statementKeys: formData.getAll("statementKeys").map(String), newKey: `s${randomUUID().replace(/-/g, "").slice(0, 12)}` };
    case "setAside":
      return { action: "setAside", reason: String(formData.get("reason") ?? "") };
    default:
      return { action: intent };
  }
}

export async function editPointAction(slug: string, key: string, generation: number, _state: PointEditState, formData: FormData): Promise<PointEditState> {
  expectArgs([slug, key, generation, _state, formData], ["string", "string", "number", "any", "form"]);
  const result = await editSynthesisPoint(await getCurrentUser(), slug, key, payloadOf(formData), generation);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {} };
  revalidatePath(pageOf(slug));
  return { status: "saved" };
}

export async function setAsideContributionAction(slug: string, submissionId: string, bringBack: boolean, _state: PointEditState, formData: FormData): Promise<PointEditState> {
  expectArgs([slug, submissionId, bringBack, _state, formData], ["string", "string", "boolean", "any", "form"]);
  const result = await setSubmissionAside(await getCurrentUser(), slug, { submissionId, reason: bringBack ? null : String(formData.get("reason") ?? "") });
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {} };
  revalidatePath(pageOf(slug));
  return { status: "saved" };
}

export async function saveSettingsAction(slug: string, _state: PointEditState, formData: FormData): Promise<PointEditState> {
  expectArgs([slug, _state, formData], ["string", "any", "form"]);
  const raw = Object.fromEntries(["language", "bodyPoints", "naming", "severalFrom", "severalShare", "manyShare", "manyFrom", "version"].map((k) => [k, String(formData.get(k) ?? "")]));
  const result = await saveSynthesisSettings(await getCurrentUser(), slug, raw);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {} };
  revalidatePath(pageOf(slug));
  return { status: "saved" };
}
