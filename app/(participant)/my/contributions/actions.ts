"use server";
import { expectArgs } from "@/lib/http/action-args";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { withdrawContribution } from "@/lib/submissions/service";
import type { WithdrawState } from "@/components/submissions/withdraw-form";

export async function withdrawAction(submissionId: string, expectedVersion: number, _state: WithdrawState): Promise<WithdrawState> {
  expectArgs([submissionId, expectedVersion, _state], ["string", "number", "any"]);
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden" };
  const result = await withdrawContribution(user, submissionId, expectedVersion);
  if (!result.ok) return { status: "error", error: result.error, params: result.params };
  revalidatePath("/my/contributions");
  revalidatePath("/", "layout");
  redirect(result.data.discarded ? "/my/contributions" : `/my/contributions/${submissionId}?withdrawn=1`);
}
