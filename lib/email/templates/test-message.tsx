// Sent by an admin from /secretariat/outbox to check the mail set-up. Non-essential on purpose: it shows exactly how
// notification e-mails arrive, unsubscribe link and List-Unsubscribe headers included.
import { z } from "zod";
import { defineEmailTemplate } from "../define";
import { EmailAction, EmailLayout, EmailText } from "../layout";

export const testMessage = defineEmailTemplate({
  name: "email.test",
  category: "test",
  essential: false,
  params: z.object({ requestedBy: z.string() }),
  subject: (ctx) => ctx.t("email.test.subject", { site: ctx.siteName }),
  Body({ ctx, params }) {
    return (
      <EmailLayout ctx={ctx} preview={ctx.t("email.test.preview")}>
        <EmailText>{ctx.t("email.test.intro", { name: params.requestedBy, site: ctx.siteName })}</EmailText>
        <EmailAction ctx={ctx} href={ctx.link("/secretariat/outbox")} label={ctx.t("email.test.action")} />
      </EmailLayout>
    );
  },
});
