"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { saveSnapshot, setSnapshotPublished } from "@/lib/synthesis/service";

const pageOf = (slug: string) => `/secretariat/consultations/${encodeURIComponent(slug)}/synthesis`;

export async function regenerateAction(slug: string): Promise<void> {
  // The live draft follows its inputs (rebuilt when they change); this only drops what the router cached.
  revalidatePath(pageOf(slug));
  redirect(`${pageOf(slug)}?notice=regenerated`);
}

export async function saveSnapshotAction(slug: string): Promise<void> {
  const result = await saveSnapshot(await getCurrentUser(), slug);
  if (!result.ok) redirect(`${pageOf(slug)}?error=${result.error}`);
  revalidatePath(pageOf(slug));
  redirect(`${pageOf(slug)}?snapshot=${result.data.number}&notice=saved`);
}

export async function publishSnapshotAction(slug: string, number: number, publish: boolean): Promise<void> {
  const result = await setSnapshotPublished(await getCurrentUser(), slug, number, publish);
  if (!result.ok) redirect(`${pageOf(slug)}?error=${result.error}`);
  revalidatePath(pageOf(slug));
  redirect(`${pageOf(slug)}?snapshot=${number}&notice=${publish ? "published" : "unpublished"}`);
}
