// Sent to the new address when someone changes their account's e-mail: the change happens when this link is used.
import { z } from "zod";
import { defineEmailTemplate } from "../define";
import { EmailAction, EmailLayout, EmailText } from "../layout";

export const confirmEmailChange = defineEmailTemplate({
  name: "auth.confirm-email-change",
  category: "account",
  essential: true,
  secret: true,
  params: z.object({ token: z.string().min(20), name: z.string(), address: z.string() }),
  subject: (ctx) => ctx.t("email.confirmEmailChange.subject", { site: ctx.siteName }),
  Body({ ctx, params }) {
    const href = ctx.link("/verify-email", { token: params.token });
    return (
      <EmailLayout ctx={ctx} preview={ctx.t("email.confirmEmailChange.preview")}>
        <EmailText>{ctx.t("email.common.greeting", { name: params.name })}</EmailText>
        <EmailText>{ctx.t("email.confirmEmailChange.intro", { site: ctx.siteName, address: params.address })}</EmailText>
        <EmailAction ctx={ctx} href={href} label={ctx.t("email.confirmEmailChange.action")} />
        <EmailText>{ctx.t("email.verifyEmail.expiry")}</EmailText>
        <EmailText>{ctx.t("email.confirmEmailChange.notYou")}</EmailText>
      </EmailLayout>
    );
  },
});
