// Sent instead of a verification link when someone signs up with an address that already has an account: the sign-up
// form answers the same either way (no account enumeration), and only the owner of the address learns what happened.
import { z } from "zod";
import { defineEmailTemplate } from "../define";
import { EmailAction, EmailLayout, EmailText } from "../layout";

export const accountExists = defineEmailTemplate({
  name: "auth.account-exists",
  category: "account",
  essential: true,
  params: z.object({ name: z.string() }),
  subject: (ctx) => ctx.t("email.accountExists.subject", { site: ctx.siteName }),
  Body({ ctx, params }) {
    return (
      <EmailLayout ctx={ctx} preview={ctx.t("email.accountExists.preview")}>
        <EmailText>{ctx.t("email.common.greeting", { name: params.name })}</EmailText>
        <EmailText>{ctx.t("email.accountExists.intro", { site: ctx.siteName })}</EmailText>
        <EmailAction ctx={ctx} href={ctx.link("/signin")} label={ctx.t("email.accountExists.signIn")} />
        <EmailText>{ctx.t("email.accountExists.forgot")}</EmailText>
        <EmailAction ctx={ctx} href={ctx.link("/forgot-password")} label={ctx.t("email.accountExists.reset")} />
        <EmailText>{ctx.t("email.accountExists.notYou")}</EmailText>
      </EmailLayout>
    );
  },
});
