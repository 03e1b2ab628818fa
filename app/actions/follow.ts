"use server";
// Follow and unfollow, as plain form posts (they work without JavaScript); the page shows the outcome.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { followConsultation, unfollowConsultation } from "@/lib/follows/service";

function backTo(formData: FormData, slug: string, outcome: string): string {
  // Only two places post here; anything else goes back to the consultation.
  return formData.get("from") === "profile" ? `/profile?follow=${outcome}#following` : `/consultations/${encodeURIComponent(slug)}?follow=${outcome}#follow`;
}

export async function followAction(formData: FormData): Promise<void> {
  const slug = String(formData.get("slug") ?? "");
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/consultations/${slug}`)}`);
  const result = await followConsultation(user, slug);
  revalidatePath(`/consultations/${slug}`);
  redirect(backTo(formData, slug, result.ok ? "followed" : result.error));
}

export async function unfollowAction(formData: FormData): Promise<void> {
  const slug = String(formData.get("slug") ?? "");
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/consultations/${slug}`)}`);
  const result = await unfollowConsultation(user, slug);
  revalidatePath(`/consultations/${slug}`);
  revalidatePath("/profile");
  redirect(backTo(formData, slug, result.ok ? "unfollowed" : result.error));
}
