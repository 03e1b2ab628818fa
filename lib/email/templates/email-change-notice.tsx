// Sent to the old address when a change of address is requested, so a hijacked session cannot move an account quietly.
import { z } from "zod";
import { defineEmailTemplate } from "../define";
import { EmailAction, EmailLayout, EmailText } from "../layout";

export const emailChangeNotice = defineEmailTemplate({
  name: "auth.email-change-notice",
  category: "account",
  essential: true,
  params: z.object({ name: z.string(), newAddress: z.string() }),
  subject: (ctx) => ctx.t("email.emailChangeNotice.subject", { site: ctx.siteName }),
  Body({ ctx, params }) {
    return (
      <EmailLayout ctx={ctx} preview={ctx.t("email.emailChangeNotice.preview")}>
        <EmailText>{ctx.t("email.common.greeting", { name: params.name })}</EmailText>
        <EmailText>{ctx.t("email.emailChangeNotice.intro", { address: params.newAddress })}</EmailText>
        <EmailText>{ctx.t("email.emailChangeNotice.notYou")}</EmailText>
        <EmailAction ctx={ctx} href={ctx.link("/forgot-password")} label={ctx.t("email.emailChangeNotice.action")} />
      </EmailLayout>
    );
  },
});
