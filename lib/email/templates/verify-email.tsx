// Sent at sign-up (and on request): the link that proves the address belongs to the new account.
import { z } from "zod";
import { defineEmailTemplate } from "../define";
import { EmailAction, EmailLayout, EmailText } from "../layout";

export const verifyEmail = defineEmailTemplate({
  name: "auth.verify-email",
  category: "account",
  essential: true,
  secret: true,
  params: z.object({ token: z.string().min(20), name: z.string() }),
  subject: (ctx) => ctx.t("email.verifyEmail.subject", { site: ctx.siteName }),
  Body({ ctx, params }) {
    const href = ctx.link("/verify-email", { token: params.token });
    return (
      <EmailLayout ctx={ctx} preview={ctx.t("email.verifyEmail.preview")}>
        <EmailText>{ctx.t("email.common.greeting", { name: params.name })}</EmailText>
        <EmailText>{ctx.t("email.verifyEmail.intro", { site: ctx.siteName })}</EmailText>
        <EmailAction ctx={ctx} href={href} label={ctx.t("email.verifyEmail.action")} />
        <EmailText>{ctx.t("email.verifyEmail.expiry")}</EmailText>
        <EmailText>{ctx.t("email.verifyEmail.notYou")}</EmailText>
      </EmailLayout>
    );
  },
});
