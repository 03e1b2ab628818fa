// The kinds of notification, their parameters and how they are grouped on the profile's preferences. Pure.
//
// Adding a kind (e.g. for a new event another concern raises):
//   1. add its name to NOTIFICATION_KINDS and to one group of KIND_GROUPS below;
//   2. add its strings in every messages/<locale>/notifications.json: `notifications.kinds.<kind>` (the sentence
//      shown in-app and in the e-mail, with {target}, {what}, {consultation}, {date}, {by}),
//      `notifications.subjects.<kind>` (the e-mail subject) and `notificationSettings.kinds.<kind>` (the label of
//      its on/off switch on the profile);
//   3. call `notify(tx, { userId, kind, params, link })` (lib/notifications/service.ts) inside the transaction of the
//      change that causes it: the in-app notification and, per the person's preferences, its e-mail (or its place
//      in the daily digest) are written there, with that change. Nothing else to register: preferences, digest,
//      one-click unsubscribe and the e-mail template follow from the list.
import { z } from "zod";

export const NOTIFICATION_KINDS = [
  // what happened to one of your inputs
  "received",
  "published",
  "changesRequested",
  "rejected",
  "held",
  "released",
  "hidden",
  "restored",
  // what became of your inputs (lib/dispositions, lib/outcomes)
  "disposition",
  "paragraphLinked",
  // conversations
  "reply",
  // consultations you follow
  "consultationOpened",
  "consultationClosing",
  "synthesisPublished",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** How the profile page groups the per-kind switches; every kind is in exactly one group. */
export const KIND_GROUPS: readonly { key: "inputs" | "conversations" | "following"; kinds: readonly NotificationKind[] }[] = [
  { key: "inputs", kinds: ["received", "published", "changesRequested", "rejected", "held", "released", "hidden", "restored", "disposition", "paragraphLinked"] },
  { key: "conversations", kinds: ["reply"] },
  { key: "following", kinds: ["consultationOpened", "consultationClosing", "synthesisPublished"] },
];

/**
 * The stored message is JSON parameters, not prose: pages and e-mails render it in the reader's language from
 * notifications.kinds.<kind>. Every field but the title is optional, so older rows keep parsing.
 */
export const NotificationParamsSchema = z.object({
  /** what the notification is about: a contribution or a comment (absent for consultation events) */
  target: z.enum(["SUBMISSION", "COMMENT"]).optional(),
  /** the contribution's title, an excerpt of the comment, or the consultation's title */
  title: z.string(),
  reference: z.string().nullish(),
  /** the secretariat's reason or note */
  reason: z.string().nullish(),
  /** the consultation's title, when the title names something else */
  consultation: z.string().nullish(),
  /** an instant the message names (ISO), e.g. when contributions close */
  at: z.string().nullish(),
  /** who did it, e.g. the author of a reply */
  by: z.string().nullish(),
  /** "disposition": the secretariat's answer to a comment, and whether it revises an earlier answer */
  disposition: z.enum(["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "OUT_OF_SCOPE", "ANSWERED"]).nullish(),
  revised: z.boolean().nullish(),
  /** "paragraphLinked": the draft paragraph that reflects a contribution */
  draft: z.string().nullish(),
  version: z.number().int().nullish(),
  paragraph: z.number().int().nullish(),
});
export type NotificationParams = z.infer<typeof NotificationParamsSchema>;

export function parseNotificationParams(message: string): NotificationParams | null {
  try {
    const parsed = NotificationParamsSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The values every kind's ICU message may use; `someone` names an author who is not named (anonymous). */
export function messageValuesOf(params: NotificationParams, createdAt: Date, someone: string): Record<string, string | Date> {
  const at = params.at ? new Date(params.at) : null;
  return {
    target: params.target ?? "SUBMISSION",
    what: params.reference ? `${params.reference} — ${params.title}` : params.title,
    consultation: params.consultation ?? params.title,
    date: at && !Number.isNaN(at.getTime()) ? at : createdAt,
    by: params.by || someone,
    disposition: params.disposition ?? "other",
    revised: params.revised ? "yes" : "no",
    draft: params.draft ?? "",
    version: String(params.version ?? ""),
    paragraph: String(params.paragraph ?? ""),
  };
}

/** A comment named in a notification: its first words, on one line. */
export function excerpt(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
