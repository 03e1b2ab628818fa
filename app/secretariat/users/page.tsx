// Role management (admins only): grant and revoke the secretariat and admin roles; every change is audited.
import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { getTranslations } from "next-intl/server";
import { listUsersForRoles } from "@/lib/roles/service";
import { FormAlert, inputClass } from "@/components/ui/field";
import { setRoleAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage("ADMIN");
  return { title: (await getTranslations("rolesAdmin"))("title") };
}

const ROLES = ["PARTICIPANT", "SECRETARIAT", "ADMIN"] as const;
const ERRORS = new Set(["lastAdmin", "forbidden", "notFound", "roleInvalid"]);

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; saved?: string; error?: string }> }) {
  const sp = await searchParams;
  const user = await requireRoleForPage("ADMIN");
  const [t, tRoles] = await Promise.all([getTranslations("rolesAdmin"), getTranslations("roles")]);
  const data = await listUsersForRoles(user, { q: sp.q });
  if (!data) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p>{t("adminOnly")}</p>
      </div>
    );
  }
  const row = (u: { id: string; name: string; email: string; role: (typeof ROLES)[number] }) => (
    <tr key={u.id} className="border-b border-stone-100">
      <th scope="row" className="p-2 text-start font-normal">{u.name}<span className="block text-sm text-stone-700" dir="ltr">{u.email}</span></th>
      <td className="p-2">{tRoles(u.role)}</td>
      <td className="p-2">
        <form action={setRoleAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="userId" value={u.id} />
          <input type="hidden" name="q" value={data.q} />
          <label htmlFor={`role-${u.id}`} className="sr-only">{t("roleFor", { name: u.name })}</label>
          <select id={`role-${u.id}`} name="role" defaultValue={u.role} className="rounded border border-stone-400 bg-white px-2 py-1">
            {ROLES.map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
          </select>
          <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-800">{t("change")}</button>
        </form>
      </td>
    </tr>
  );
  const table = (caption: string, users: typeof data.staff) => (
    <table className="w-full bg-white">
      <caption className="p-2 text-start font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-stone-300">
          <th scope="col" className="p-2 text-start">{t("person")}</th>
          <th scope="col" className="p-2 text-start">{t("role")}</th>
          <th scope="col" className="p-2 text-start">{t("changeRole")}</th>
        </tr>
      </thead>
      <tbody>{users.map(row)}</tbody>
    </table>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {sp.saved ? <FormAlert tone="success">{t("saved")}</FormAlert> : null}
      {sp.error ? <FormAlert>{t(`errors.${ERRORS.has(sp.error) ? sp.error : "generic"}`)}</FormAlert> : null}
      {table(t("staff"), data.staff)}
      <form method="get" className="flex flex-wrap items-end gap-2" role="search">
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="font-medium">{t("search")}</label>
          <input id="q" name="q" defaultValue={data.q} className={inputClass} />
        </div>
        <button type="submit" className="rounded border border-brand-700 px-4 py-2 text-brand-800">{t("find")}</button>
      </form>
      {data.q ? (data.found.length > 0 ? table(t("results", { q: data.q }), data.found) : <p>{t("noResults")}</p>) : null}
    </div>
  );
}
