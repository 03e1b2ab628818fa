// Who owns a category of non-essential e-mail. A concern whose e-mails have their own preferences (notifications:
// per kind, on the profile) registers a handler here, so one-click unsubscribe and queueEmail read and write those
// preferences rather than a second copy. Categories no handler owns use EmailOptOut (lib/email/preferences.ts).
import "server-only";
import type { Tx } from "../db/client";
import { isUnsubscribeScope, preferencesOf, unsubscribe as unsubscribeNotifications } from "../notifications/preferences";

export interface EmailCategoryHandler {
  /** Owns `prefix` itself (all of its e-mails) and every `prefix.<name>`. */
  prefix: string;
  /** Whether the user still wants e-mails of this category (the handler's own preferences). */
  wants(tx: Tx, userId: string, category: string): Promise<boolean>;
  /** Turns this category off (`prefix` alone: all of them). Idempotent. */
  unsubscribe(tx: Tx, userId: string, category: string): Promise<void>;
  /** i18n key naming the category on the unsubscribe page, or null for the generic wording. */
  labelKey(category: string): string | null;
}

/** Notification e-mails: "notifications.<kind>" is one kind, "notifications" all of them (lib/notifications/preferences). */
const notifications: EmailCategoryHandler = {
  prefix: "notifications",
  async wants(tx, userId, category) {
    const preferences = (await preferencesOf(tx, [userId])).get(userId);
    if (!preferences || preferences.allEmailOff) return false;
    const kind = category.slice("notifications.".length);
    return !(preferences.emailOff as string[]).includes(kind);
  },
  async unsubscribe(tx, userId, category) {
    const scope = category === "notifications" ? "all" : category.slice("notifications.".length);
    if (isUnsubscribeScope(scope)) await unsubscribeNotifications(userId, scope, tx);
  },
  labelKey: (category) => (category === "notifications" ? "unsubscribe.categories.notifications" : `notificationSettings.categories.${category.slice("notifications.".length)}`),
};

export const EMAIL_CATEGORY_HANDLERS: readonly EmailCategoryHandler[] = [notifications];

export function categoryHandler(category: string): EmailCategoryHandler | undefined {
  return EMAIL_CATEGORY_HANDLERS.find((handler) => category === handler.prefix || category.startsWith(`${handler.prefix}.`));
}
