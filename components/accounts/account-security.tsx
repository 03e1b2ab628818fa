// The profile's "Account and security" section: the address (and a change waiting for its link), change of address
// and of password (each asking for the current password), open sessions and "sign out everywhere".
import { getFormatter, getTranslations } from "next-intl/server";
import { AccountForm } from "./account-form";
import { changeEmailAction, changePasswordAction, signOutEverywhereAction } from "@/app/actions/accounts";

interface Props {
  pendingAddress: string | null;
  sessions: { id: string; createdAt: Date; userAgent: string | null }[];
  currentSessionId: string | null;
}

export async function AccountSecurity({ pendingAddress, sessions, currentSessionId }: Props) {
  const [t, ta, format] = await Promise.all([getTranslations("accounts.security"), getTranslations("auth"), getFormatter()]);
  return (
    <section aria-labelledby="security-heading" className="space-y-6">
      <h2 id="security-heading" className="text-xl font-semibold">{t("title")}</h2>
      <div className="space-y-3 rounded border border-stone-200 bg-white p-4">
        <h3 className="font-semibold">{t("emailTitle")}</h3>
        {pendingAddress ? <p>{t("pending", { address: pendingAddress })}</p> : null}
        <AccountForm
          action={changeEmailAction}
          fields={[
            { name: "email", type: "email", label: t("newEmail"), autoComplete: "email" },
            { name: "currentPassword", type: "password", label: t("currentPassword"), autoComplete: "current-password" },
          ]}
          submit={t("emailSubmit")}
          pending={t("saving")}
          done={t.raw("emailDone") as string}
        />
      </div>
      <div className="space-y-3 rounded border border-stone-200 bg-white p-4">
        <h3 className="font-semibold">{t("passwordTitle")}</h3>
        <AccountForm
          action={changePasswordAction}
          fields={[
            { name: "currentPassword", type: "password", label: t("currentPassword"), autoComplete: "current-password" },
            { name: "password", type: "password", label: t("newPassword"), hint: ta("passwordHint"), autoComplete: "new-password" },
            { name: "confirm", type: "password", label: t("confirmPassword"), autoComplete: "new-password" },
          ]}
          submit={t("passwordSubmit")}
          pending={t("saving")}
          done={t("passwordDone")}
        />
      </div>
      <div className="space-y-3 rounded border border-stone-200 bg-white p-4">
        <h3 className="font-semibold">{t("sessionsTitle")}</h3>
        <p>{t("sessionsCount", { count: sessions.length })}</p>
        <ul className="list-disc space-y-1 ps-6 text-sm">
          {sessions.map((session) => (
            <li key={session.id}>
              {format.dateTime(session.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              {session.userAgent ? ` · ${session.userAgent.slice(0, 80)}` : ""}
              {session.id === currentSessionId ? ` (${t("thisSession")})` : ""}
            </li>
          ))}
        </ul>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="rounded border border-red-800 px-3 py-1 text-red-900">{t("everywhere")}</button>
        </form>
      </div>
    </section>
  );
}
