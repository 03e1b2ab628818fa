// Every e-mail template of the app, one entry each. A concern adds its template file next to these and one line here;
// queueEmail then accepts its name and checks its parameters. Strings live in messages/<locale>/*.json.
import type { z } from "zod";
import type { EmailTemplate } from "../define";
import { accountExists } from "./account-exists";
import { confirmEmailChange } from "./confirm-email-change";
import { emailChangeNotice } from "./email-change-notice";
import { passwordChanged } from "./password-changed";
import { passwordReset } from "./password-reset";
import { testMessage } from "./test-message";
import { verifyEmail } from "./verify-email";
import { notificationEmail } from "./notification";
import { notificationDigestEmail } from "./notification-digest";

export const EMAIL_TEMPLATES = [
  verifyEmail,
  accountExists,
  confirmEmailChange,
  emailChangeNotice,
  passwordReset,
  passwordChanged,
  testMessage,
  notificationEmail,
  notificationDigestEmail,
] as const satisfies readonly EmailTemplate[];

type AnyTemplate = (typeof EMAIL_TEMPLATES)[number];
export type EmailTemplateName = AnyTemplate["name"];
/** The parameters a template is queued with (the zod input type of its schema). */
export type EmailTemplateParams<Name extends EmailTemplateName> = z.input<Extract<AnyTemplate, { name: Name }>["params"]>;

const BY_NAME = new Map<string, EmailTemplate>(EMAIL_TEMPLATES.map((template) => [template.name, template as EmailTemplate]));

export function emailTemplate(name: string): EmailTemplate | undefined {
  return BY_NAME.get(name);
}
