"use server";
// Organisation actions (lib/organisations/service.ts checks every right again): each answers the OrgActionForm
// with the service's field errors, or with what was done.
import { revalidatePath } from "next/cache";
import { expectArgs } from "@/lib/http/action-args";
import { echoed } from "@/lib/http/echo";
import { getCurrentUser } from "@/lib/auth/session";
import type { Result } from "@/lib/result";
import {
  decideMembership, leaveOrganisation, mergeOrganisations, removeMember, requestMembership, setListed, setMemberRole, setVerification,
  updateOrganisation,
} from "@/lib/organisations/service";
import type { OrgFormState } from "@/components/organisations/action-form";

const FIELDS = [
  "mode", "organisationId", "note", "name", "stakeholderGroup", "country", "website", "membershipId", "expectedVersion", "decision", "role", "reason",
  "listed", "state", "emailDomains", "duplicateId", "duplicateVersion", "survivorId",
] as const;

function valuesOf(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FIELDS) {
    const v = formData.get(name);
    if (typeof v === "string") out[name] = echoed(v, 2000);
  }
  return out;
}

function answer<T>(result: Result<T>, values: Record<string, string>, done: string, params?: (data: T) => Record<string, string | number>): OrgFormState {
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, params: result.params, values };
  return { status: "done", message: done, params: params?.(result.data) };
}

function refresh(...paths: string[]) {
  for (const p of ["/profile/organisations", "/organisations", "/secretariat/organisations", ...paths]) revalidatePath(p, "layout");
}

export async function requestMembershipAction(_state: OrgFormState, formData: FormData): Promise<OrgFormState> {
  expectArgs([_state, formData], ["any", "form"]);
  const values = valuesOf(formData);
  const result = await requestMembership(await getCurrentUser(), values);
  refresh();
  return answer(result, values, result.ok && result.data.status === "APPROVED" ? "joinedByDomain" : result.ok && result.data.created ? "created" : result.ok && result.data.joinedExisting ? "requestedExisting" : "requested",
    (d) => ({ name: d.organisationName }));
}

export async function decideMembershipAction(_state: OrgFormState, formData: FormData): Promise<OrgFormState> {
  expectArgs([_state, formData], ["any", "form"]);
  const values = valuesOf(formData);
  const result = await decideMembership(await getCurrentUser(), values);
  refresh();
  return answer(result, values, values.decision === "APPROVE" ? "approved" : "refused");
}

export async function removeMemberAction(_state: OrgFormState, formData: FormData): Promise<OrgFormState> {
  expectArgs([_state, formData], ["any", "form"]);
  const values = valuesOf(formData);
  const result = await removeMember(await getCurrentUser(), values);
  refresh();
  return answer(result, values, "removed");
}

export async function leaveOrganisationAction(_state: OrgFormState, formData: FormData): Promise<OrgFormState> {
  expectArgs([_state, formData], ["any", "form"]);
  const values = valuesOf(formData);
  const result = await leaveOrganisation(await getCurrentUser(), values);
  refresh();
  return answer(result, values, "left");
}

export async function setListedAction(_state: OrgFormState, formData: FormData): Promise<OrgFormState> {
  expectArgs([_state, formData], ["any", "form"]);
  const values = { ...valuesOf(formData), listed: formData.get("listed") === "on" ? "on" : "" };
  const result = await setListed(await getCurrentUser(), values);
  refresh();
  return answer(result, values, result.ok && result.data.listed ? "listed" : "unlisted");
}

export async function setMemberRoleAction(_state: OrgFormState, formData: FormData): Promise<OrgFormState> {
  expectArgs([_state, formData], ["any", "form"]);
  const values = valuesOf(formData);
  const result = await setMemberRole(await getCurrentUser(), values);
  refresh();
  return answer(result, values, "roleChanged");
}

export async function setVerificationAction(_state: OrgFormState, formData: FormData): Promise<OrgFormState> {
  expectArgs([_state, formData], ["any", "form"]);
  const values = valuesOf(formData);
  const result = await setVerification(await getCurrentUser(), values);
  refresh();
  return answer(result, values, `state${values.state === "VERIFIED" ? "Verified" : values.state === "SUSPENDED" ? "Suspended" : "Unverified"}`, (d) => ({ count: d.approvedByDomain }));
}

export async function updateOrganisationAction(_state: OrgFormState, formData: FormData): Promise<OrgFormState> {
  expectArgs([_state, formData], ["any", "form"]);
  const values = valuesOf(formData);
  const result = await updateOrganisation(await getCurrentUser(), values);
  refresh();
  return answer(result, values, "saved", (d) => ({ count: d.approvedByDomain }));
}

export async function mergeOrganisationsAction(_state: OrgFormState, formData: FormData): Promise<OrgFormState> {
  expectArgs([_state, formData], ["any", "form"]);
  const values = valuesOf(formData);
  const result = await mergeOrganisations(await getCurrentUser(), values);
  refresh();
  return answer(result, values, "merged", (d) => ({ submissions: d.submissions, memberships: d.memberships }));
}
