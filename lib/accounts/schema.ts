// zod schemas of the account forms: forgot/reset password, change password, change e-mail. Error messages are i18n keys.
import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "../auth/password";

const email = z.string({ error: "emailInvalid" }).trim().toLowerCase().max(254, { error: "emailInvalid" }).pipe(z.email({ error: "emailInvalid" }));
const newPassword = z
  .string({ error: "passwordTooShort" })
  .min(PASSWORD_MIN, { error: "passwordTooShort" })
  .max(PASSWORD_MAX, { error: "passwordTooLong" });
const currentPassword = z.string({ error: "currentPasswordRequired" }).min(1, { error: "currentPasswordRequired" }).max(1024);

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = z
  .object({ token: z.string().max(100), password: newPassword, confirm: z.string() })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "passwordsDiffer" });

export const ChangePasswordSchema = z
  .object({ currentPassword, password: newPassword, confirm: z.string() })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "passwordsDiffer" });

export const ChangeEmailSchema = z.object({ currentPassword, email });
