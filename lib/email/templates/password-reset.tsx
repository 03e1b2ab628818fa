// Sent from /forgot-password: a single-use link, valid one hour, to choose a new password.
import { z } from "zod";
import { defineEmailTemplate } from "../define";
import { EmailAction, EmailLayout, EmailText } from "../layout";

export const passwordReset = defineEmailTemplate({
  name: "auth.password-reset",
  category: "account",
  essential: true,
  secret: true,
  params: z.object({ token: z.string().min(20), name: z.string() }),
  subject: (ctx) => ctx.t("email.passwordReset.subject", { site: ctx.siteName }),
  Body({ ctx, params }) {
    const href = ctx.link("/reset-password", { token: params.token });
    return (
      <EmailLayout ctx={ctx} preview={ctx.t("email.passwordReset.preview")}>
        <EmailText>{ctx.t("email.common.greeting", { name: params.name })}</EmailText>
        <EmailText>{ctx.t("email.passwordReset.intro", { site: ctx.siteName })}</EmailText>
        <EmailAction ctx={ctx} href={href} label={ctx.t("email.passwordReset.action")} />
        <EmailText>{ctx.t("email.passwordReset.expiry")}</EmailText>
        <EmailText>{ctx.t("email.passwordReset.notYou")}</EmailText>
      </EmailLayout>
    );
  },
});
