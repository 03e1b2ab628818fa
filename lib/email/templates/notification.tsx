// One notification by e-mail (lib/notifications): the sentence the person also sees in-app, the secretariat's reason
// or note, and a link to act on it. Its category is "notifications.<kind>", so unsubscribing turns that kind off.
import { z } from "zod";
import { Link } from "@react-email/components";
import { NOTIFICATION_KINDS, NotificationParamsSchema, messageValuesOf } from "../../notifications/kinds";
import { defineEmailTemplate } from "../define";
import { EmailAction, EmailLayout, EmailText } from "../layout";

export const notificationEmail = defineEmailTemplate({
  name: "notifications.notification",
  category: "notifications",
  essential: false,
  params: z.object({
    kind: z.enum(NOTIFICATION_KINDS),
    params: NotificationParamsSchema,
    /** a same-origin path */
    link: z.string().startsWith("/").nullable(),
    /** when the notification was raised (ISO) */
    at: z.iso.datetime(),
  }),
  subject: (ctx, { kind, params, at }) => ctx.t(`notifications.subjects.${kind}`, messageValuesOf(params, new Date(at), ctx.t("notifications.someone"))),
  Body({ ctx, params: { kind, params, link, at } }) {
    const sentence = ctx.t(`notifications.kinds.${kind}`, messageValuesOf(params, new Date(at), ctx.t("notifications.someone")));
    return (
      <EmailLayout ctx={ctx} preview={sentence}>
        {ctx.recipient.name ? <EmailText>{ctx.t("email.common.greeting", { name: ctx.recipient.name })}</EmailText> : null}
        <EmailText>{sentence}</EmailText>
        {params.reference ? <EmailText>{ctx.t("notificationEmail.reference", { reference: params.reference })}</EmailText> : null}
        {params.reason ? <EmailText>{`${ctx.t(kind === "changesRequested" ? "notifications.note" : "notifications.reason")} ${params.reason}`}</EmailText> : null}
        {link ? <EmailAction ctx={ctx} href={ctx.link(link)} label={ctx.t(`notificationEmail.actions.${kind}`)} /> : null}
        <EmailText>
          {ctx.t("notificationEmail.settingsIntro")}{" "}
          <Link href={ctx.link("/profile#notification-settings")} style={{ color: "#1e3a5f", textDecoration: "underline" }}>{ctx.t("notificationEmail.settingsLink")}</Link>
        </EmailText>
      </EmailLayout>
    );
  },
});
