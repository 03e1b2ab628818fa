"use server";
// Server actions of the moderation queue and the held queue: parse, get the session, call lib/moderation, revalidate.
import { expectArgs } from "@/lib/http/action-args";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { moderateMany } from "@/lib/moderation/service";
import { parseSelection } from "@/lib/moderation/schema";
import type { QueueActionState } from "@/components/moderation/queue-types";

export async function moderateQueueAction(_state: QueueActionState, formData: FormData): Promise<QueueActionState> {
  expectArgs([_state, formData], ["any", "form"]);
  const user = await getCurrentUser();
  const verb = String(formData.get("verb") ?? "");
  const reason = String(formData.get("reason") ?? "");
  const templateId = String(formData.get("templateId") ?? "");
  const { targets, campaigns } = parseSelection(formData.getAll("selection").map(String));
  const result = await moderateMany(user, { verb: verb as never, targets, campaigns, reason, templateId });
  if (!result.ok) {
    return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, verb, reason, at: Date.now() };
  }
  revalidatePath("/secretariat", "layout");
  const tStatus = await getTranslations("moderation.statuses");
  const { changed, campaignsChanged, ...counts } = result.data;
  return {
    status: "done",
    verb,
    summary: {
      ...counts,
      changed: changed.map((c) => ({ type: c.type, id: c.id, label: c.reference ? `${c.reference} — ${c.title}` : c.title, from: tStatus(c.from), to: tStatus(c.to) })),
      campaignsChanged: campaignsChanged.map((c) => ({ id: c.id, label: c.label, expected: c.expected, now: c.now })),
    },
    at: Date.now(),
  };
}
