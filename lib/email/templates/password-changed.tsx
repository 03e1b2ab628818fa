// Sent after the password changed (on the profile or through a reset link): every other session has been ended.
import { z } from "zod";
import { defineEmailTemplate } from "../define";
import { EmailAction, EmailLayout, EmailText } from "../layout";

export const passwordChanged = defineEmailTemplate({
  name: "auth.password-changed",
  category: "account",
  essential: true,
  params: z.object({ name: z.string(), at: z.iso.datetime() }),
  subject: (ctx) => ctx.t("email.passwordChanged.subject", { site: ctx.siteName }),
  Body({ ctx, params }) {
    return (
      <EmailLayout ctx={ctx} preview={ctx.t("email.passwordChanged.preview")}>
        <EmailText>{ctx.t("email.common.greeting", { name: params.name })}</EmailText>
        <EmailText>{ctx.t("email.passwordChanged.intro", { at: ctx.formatDateTime(params.at) })}</EmailText>
        <EmailText>{ctx.t("email.passwordChanged.notYou")}</EmailText>
        <EmailAction ctx={ctx} href={ctx.link("/forgot-password")} label={ctx.t("email.passwordChanged.action")} />
      </EmailLayout>
    );
  },
});
