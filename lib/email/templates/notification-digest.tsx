// The daily digest (lib/notifications/digest.ts): the day's notifications in one message. Its category is
// "notifications", so its unsubscribe link turns every notification e-mail off.
import { z } from "zod";
import { Hr, Link, Section } from "@react-email/components";
import { NOTIFICATION_KINDS, NotificationParamsSchema, messageValuesOf } from "../../notifications/kinds";
import { defineEmailTemplate } from "../define";
import { EmailAction, EmailLayout, EmailText } from "../layout";

const Item = z.object({ kind: z.enum(NOTIFICATION_KINDS), params: NotificationParamsSchema, link: z.string().startsWith("/").nullable(), at: z.iso.datetime() });

export const notificationDigestEmail = defineEmailTemplate({
  name: "notifications.digest",
  category: "notifications",
  essential: false,
  params: z.object({
    items: z.array(Item).min(1).max(100),
    /** how many the digest gathers in all (more than items.length when some are only counted) */
    total: z.number().int().positive(),
  }),
  subject: (ctx, { total }) => ctx.t("notificationEmail.digest.subject", { site: ctx.siteName, count: total }),
  Body({ ctx, params: { items, total } }) {
    const someone = ctx.t("notifications.someone");
    return (
      <EmailLayout ctx={ctx} preview={ctx.t("notificationEmail.digest.preview", { count: total })}>
        {ctx.recipient.name ? <EmailText>{ctx.t("email.common.greeting", { name: ctx.recipient.name })}</EmailText> : null}
        <EmailText>{ctx.t("notificationEmail.digest.intro", { site: ctx.siteName, count: total })}</EmailText>
        {items.map((item, index) => (
          <Section key={index} style={{ margin: "0 0 8px" }}>
            <Hr style={{ borderColor: "#e7e5e4", margin: "8px 0" }} />
            <EmailText>
              {ctx.t(`notifications.kinds.${item.kind}`, messageValuesOf(item.params, new Date(item.at), someone))}
              {item.params.reason ? ` ${ctx.t(item.kind === "changesRequested" ? "notifications.note" : "notifications.reason")} ${item.params.reason}` : ""}
            </EmailText>
            {item.link ? (
              <EmailText>
                <Link href={ctx.link(item.link)} style={{ color: "#1e3a5f", textDecoration: "underline" }}>{ctx.t(`notificationEmail.actions.${item.kind}`)}</Link>
              </EmailText>
            ) : null}
          </Section>
        ))}
        {total > items.length ? <EmailText>{ctx.t("notificationEmail.digest.more", { count: total - items.length })}</EmailText> : null}
        <EmailAction ctx={ctx} href={ctx.link("/notifications")} label={ctx.t("notificationEmail.digest.action")} />
        <EmailText>
          {ctx.t("notificationEmail.settingsIntro")}{" "}
          <Link href={ctx.link("/profile#notification-settings")} style={{ color: "#1e3a5f", textDecoration: "underline" }}>{ctx.t("notificationEmail.settingsLink")}</Link>
        </EmailText>
      </EmailLayout>
    );
  },
});
