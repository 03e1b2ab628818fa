"use server";
// Server actions of the speaker roster: merge two speakers, dismiss a proposed merge, map a speaker.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { dismissMerge, mapSpeaker, mergeSpeakers } from "@/lib/meetings/speakers";
import type { SpeakerFormState } from "@/components/meetings/speaker-form";

export async function mergeAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  const result = await mergeSpeakers(user, {
    keepId: formData.get("keepId"), keepVersion: formData.get("keepVersion"), mergeId: formData.get("mergeId"), mergeVersion: formData.get("mergeVersion"),
  });
  revalidatePath("/", "layout");
  redirect(result.ok ? `/secretariat/roster?merged=${encodeURIComponent(result.data.id)}` : `/secretariat/roster?error=${encodeURIComponent(result.fieldErrors?.form?.[0] ?? result.error)}`);
}

export async function dismissAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  const result = await dismissMerge(user, String(formData.get("a") ?? ""), String(formData.get("b") ?? ""));
  revalidatePath("/secretariat/roster");
  redirect(result.ok ? "/secretariat/roster?dismissed=1" : `/secretariat/roster?error=${encodeURIComponent(result.fieldErrors?.form?.[0] ?? result.error)}`);
}

export async function mapSpeakerAction(speakerId: string, _s: SpeakerFormState, formData: FormData): Promise<SpeakerFormState> {
  const values = {
    name: String(formData.get("name") ?? ""), organisation: String(formData.get("organisation") ?? ""), stakeholderGroup: String(formData.get("stakeholderGroup") ?? ""),
    country: String(formData.get("country") ?? ""), version: String(formData.get("version") ?? ""),
  };
  const user = await getCurrentUser();
  const result = await mapSpeaker(user, speakerId, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath("/", "layout");
  redirect(`/secretariat/roster/${speakerId}?saved=${result.data.turns + result.data.messages}`);
}
