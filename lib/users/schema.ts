// zod schemas for sign-up and profile, shared by the forms and the server actions.
import { z } from "zod";
import { STAKEHOLDER_GROUPS, GENDERS } from "../stakeholders/groups";
import { isCountryCode } from "../geo/countries";
import { PASSWORD_MAX, passwordProblems } from "../auth/password";

// Error messages are i18n keys under "errors." so the form can show them in the user's language.
export const ProfileSchema = z
  .object({
    name: z.string().trim().min(1, { error: "nameRequired" }).max(100, { error: "nameTooLong" }),
    individual: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
    organisation: z.string().trim().max(200, { error: "organisationTooLong" }).default(""),
    stakeholderGroup: z.enum(STAKEHOLDER_GROUPS, { error: "stakeholderGroupRequired" }),
    country: z
      .string({ error: "countryRequired" })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, { error: "countryInvalid" }),
    gender: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(GENDERS, { error: "genderInvalid" }).optional()),
  })
  .superRefine((value, ctx) => {
    if (!value.individual && value.organisation.length === 0) {
      ctx.addIssue({ code: "custom", path: ["organisation"], message: "organisationRequired" });
    }
  });

export const SignUpSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254, { error: "emailInvalid" }).pipe(z.email({ error: "emailInvalid" })),
    password: z.string().max(PASSWORD_MAX, { error: "passwordTooLong" }),
  })
  .and(ProfileSchema)
  .superRefine((value, ctx) => {
    for (const problem of passwordProblems(value.password, value.email)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    }
  });

export type ProfileInput = z.infer<typeof ProfileSchema>;
export type SignUpInput = z.infer<typeof SignUpSchema>;

/** Turns a zod error into { field: [i18nKey, ...] } for the form. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
