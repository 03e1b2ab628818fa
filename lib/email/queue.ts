// queueEmail: the one way the app sends e-mail. Call it inside the transaction of the change that causes the message:
// the outbox row and its delivery job then commit (or roll back) with that change, and the worker delivers it.
//
//   await withTransaction(async (tx) => {
//     const submission = await tx.submission.update(...);
//     await queueEmail(tx, { to: { userId: submission.authorId }, template: "notifications.published", params: {...} });
//   });
//
// Templates are listed in lib/email/templates/index.ts. A non-essential template needs a user recipient (that is who
// unsubscribes); if that user opted out of its category the row is written as SUPPRESSED and nothing is sent.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import { enqueueJob } from "../jobs/queue";
import { DEFAULT_LOCALE, isLocale } from "../i18n/config";
import { mailConfig } from "./config";
import { wantsEmail } from "./preferences";
import { emailTemplate, type EmailTemplateName, type EmailTemplateParams } from "./templates";
import { DELIVERY_ATTEMPTS } from "./tasks";

export type EmailRecipient =
  /** An account: its current address and language are used. */
  | { userId: string }
  /** An address with no account behind it (or not yet: a new address being confirmed). Essential messages only. */
  | { address: string; locale?: string; userId?: string }
  /**
   * An account the caller has just read in this transaction (address, language) together with whether the person
   * wants this category (wantsEmailGiven): saves queueEmail reading them again on a hot write.
   */
  | { account: { id: string; email: string; locale: string }; wants: boolean };

export interface QueueEmailInput<Name extends EmailTemplateName> {
  to: EmailRecipient;
  template: Name;
  params: EmailTemplateParams<Name>;
  /** Overrides the template's category, for a template that serves several kinds of notification. */
  category?: string;
  /** Not before this instant (e.g. a digest). */
  sendAt?: Date;
}

export interface QueuedEmail {
  id: string;
  status: "QUEUED" | "SUPPRESSED";
}

/** Writes the message to the outbox and enqueues its delivery, in `tx`. Throws on a programming error (bad template). */
export async function queueEmail<Name extends EmailTemplateName>(tx: Tx, input: QueueEmailInput<Name>): Promise<QueuedEmail> {
  const template = emailTemplate(input.template);
  if (!template) throw new Error(`queueEmail: unknown template "${input.template}"`);
  const params: unknown = template.params.parse(input.params);
  const category = input.category ?? template.category;

  let userId: string | null = null;
  let address: string;
  let locale: string;
  let known: boolean | null = null;
  if ("account" in input.to) {
    userId = input.to.account.id;
    address = input.to.account.email;
    locale = input.to.account.locale;
    known = input.to.wants;
  } else if ("address" in input.to) {
    address = input.to.address.trim().toLowerCase();
    locale = input.to.locale ?? DEFAULT_LOCALE;
    userId = input.to.userId ?? null;
  } else {
    const user = await tx.user.findUnique({ where: { id: input.to.userId }, select: { id: true, email: true, locale: true } });
    if (!user) throw new Error(`queueEmail: no user ${input.to.userId}`);
    userId = user.id;
    address = user.email;
    locale = user.locale;
  }
  if (!template.essential && (userId === null || "address" in input.to)) {
    throw new Error(`queueEmail: ${template.name} is not essential, so it goes to a user (who can unsubscribe), not to an address`);
  }
  if (!isLocale(locale)) locale = DEFAULT_LOCALE;

  const suppressed = !template.essential && userId !== null && !(known ?? (await wantsEmail(tx, userId, category)));
  const id = randomUUID();
  await tx.emailMessage.create({
    data: {
      id,
      userId,
      toAddress: address,
      locale,
      template: template.name,
      category,
      essential: template.essential,
      params: params as object,
      status: suppressed ? "SUPPRESSED" : "QUEUED",
      messageId: `<${id}@${mailConfig().messageIdDomain}>`,
      lastError: suppressed ? "the recipient unsubscribed from this category" : null,
    },
  });
  if (!suppressed) {
    await enqueueJob(tx, "email.deliver", { id }, { jobKey: `email:${id}`, maxAttempts: DELIVERY_ATTEMPTS, runAt: input.sendAt });
  }
  return { id, status: suppressed ? "SUPPRESSED" : "QUEUED" };
}
