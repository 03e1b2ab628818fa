// The pending requests and the members of one organisation, with the actions the viewer may take: managers approve or
// refuse members and remove members; the secretariat may also approve as manager and change roles.
import { getFormatter, getTranslations } from "next-intl/server";
import { OrgActionForm } from "./action-form";
import { decideMembershipAction, removeMemberAction, setMemberRoleAction } from "@/app/actions/organisations";

export interface MemberRow {
  id: string;
  role: "MEMBER" | "MANAGER";
  status: string;
  approvedVia: "MANAGER" | "SECRETARIAT" | "DOMAIN" | null;
  version: number;
  note: string;
  requestedAt: Date;
  decidedAt: Date | null;
  user: { id: string; name: string; email: string; emailVerifiedAt: Date | null };
  decidedBy: { name: string } | null;
  organisation?: { name: string; slug: string };
}

export async function PendingRequests({ rows, rights, actorId, showOrganisation = false }: { rows: MemberRow[]; rights: "SECRETARIAT" | "MANAGER"; actorId: string; showOrganisation?: boolean }) {
  const [t, tRoles, format] = await Promise.all([getTranslations("organisations"), getTranslations("organisations.roles"), getFormatter()]);
  if (rows.length === 0) return <p>{t("noPending")}</p>;
  return (
    <ul className="space-y-3">
      {rows.map((m) => (
        <li key={m.id} className="space-y-2 rounded border border-stone-200 bg-white p-3">
          <p>
            <span className="font-medium" dir="auto">{m.user.name}</span>{" "}
            <span className="text-sm text-stone-700" dir="ltr">{m.user.email}</span>{" "}
            <span className="text-sm text-stone-700">{m.user.emailVerifiedAt ? t("addressVerified") : t("addressNotVerified")}</span>
          </p>
          {showOrganisation && m.organisation ? <p className="text-sm" dir="auto">{t("forOrganisation", { name: m.organisation.name })}</p> : null}
          <p className="text-sm text-stone-700">{t("requestedOn", { date: format.dateTime(m.requestedAt, { dateStyle: "medium" }), role: tRoles(m.role) })}</p>
          {m.note ? <p className="text-sm" dir="auto">{t("theirNote", { note: m.note })}</p> : null}
          {m.user.id === actorId && rights === "MANAGER" ? <p className="text-sm">{t("ownRequest")}</p> : (
            <div className="flex flex-wrap gap-4">
              <OrgActionForm
                idPrefix={`approve-${m.id}`} action={decideMembershipAction} submitLabel={t("approve")} inline label={t("approveFor", { name: m.user.name })}
                fields={[
                  { name: "membershipId", kind: "hidden", label: "", value: m.id },
                  { name: "expectedVersion", kind: "hidden", label: "", value: String(m.version) },
                  { name: "decision", kind: "hidden", label: "", value: "APPROVE" },
                  ...(rights === "SECRETARIAT"
                    ? [{ name: "role", kind: "select" as const, label: t("approveAs"), value: m.role, options: [{ value: "MEMBER", label: tRoles("MEMBER") }, { value: "MANAGER", label: tRoles("MANAGER") }] }]
                    : []),
                ]}
              />
              <OrgActionForm
                idPrefix={`refuse-${m.id}`} action={decideMembershipAction} submitLabel={t("refuse")} tone="danger" inline label={t("refuseFor", { name: m.user.name })}
                fields={[
                  { name: "membershipId", kind: "hidden", label: "", value: m.id },
                  { name: "expectedVersion", kind: "hidden", label: "", value: String(m.version) },
                  { name: "decision", kind: "hidden", label: "", value: "REFUSE" },
                  { name: "reason", kind: "text", label: t("reason"), value: "" },
                ]}
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

export async function Members({ rows, rights, actorId }: { rows: MemberRow[]; rights: "SECRETARIAT" | "MANAGER"; actorId: string }) {
  const [t, tRoles, tVia, format] = await Promise.all([getTranslations("organisations"), getTranslations("organisations.roles"), getTranslations("organisations.via"), getFormatter()]);
  if (rows.length === 0) return <p>{t("noMembers")}</p>;
  return (
    <ul className="space-y-3">
      {rows.map((m) => {
        const removable = rights === "SECRETARIAT" || (m.role === "MEMBER" && m.user.id !== actorId);
        return (
          <li key={m.id} className="space-y-2 rounded border border-stone-200 bg-white p-3">
            <p>
              <span className="font-medium" dir="auto">{m.user.name}</span>{" "}
              <span className="text-sm text-stone-700" dir="ltr">{m.user.email}</span>{" "}
              <span className="text-sm">({tRoles(m.role)})</span>
            </p>
            <p className="text-sm text-stone-700">
              {t("approvedOn", { date: m.decidedAt ? format.dateTime(m.decidedAt, { dateStyle: "medium" }) : "—", via: m.approvedVia ? tVia(m.approvedVia) : "—", by: m.decidedBy?.name ?? "—" })}
            </p>
            <div className="flex flex-wrap gap-4">
              {rights === "SECRETARIAT" ? (
                <OrgActionForm
                  idPrefix={`role-${m.id}`} action={setMemberRoleAction} submitLabel={t("changeRole")} tone="secondary" inline label={t("roleFor", { name: m.user.name })}
                  fields={[
                    { name: "membershipId", kind: "hidden", label: "", value: m.id },
                    { name: "expectedVersion", kind: "hidden", label: "", value: String(m.version) },
                    { name: "role", kind: "select", label: t("role"), value: m.role, options: [{ value: "MEMBER", label: tRoles("MEMBER") }, { value: "MANAGER", label: tRoles("MANAGER") }] },
                  ]}
                />
              ) : null}
              {removable ? (
                <OrgActionForm
                  idPrefix={`remove-${m.id}`} action={removeMemberAction} submitLabel={t("remove")} tone="danger" inline label={t("removeFor", { name: m.user.name })}
                  fields={[
                    { name: "membershipId", kind: "hidden", label: "", value: m.id },
                    { name: "expectedVersion", kind: "hidden", label: "", value: String(m.version) },
                    { name: "reason", kind: "text", label: t("reason"), value: "" },
                  ]}
                />
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
