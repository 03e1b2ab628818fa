// zod schemas for sign-up and profile, shared by the forms and the server actions.
import { z } from "zod";
import { STAKEHOLDER_GROUPS, GENDERS } from "../stakeholders/groups";
import { isCountryCode } from "../geo/countries";
import { passwordProblems } from "../auth/password";

// Error messages are i18n keys under "errors." so the form can show them in the user's language.
const profileFields = {
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
};

// Organisation is required unless the person is an individual. A refinement on the field itself (with
// access to the sibling through a preprocess of the whole object) would be cleverer; this check runs
// whenever the other fields parse, and the form shows it with them.
function requireOrganisation(value: { individual: boolean; organisation: string }, ctx: z.RefinementCtx) {
  if (!value.individual && value.organisation.length === 0) {
    ctx.addIssue({ code: "custom", path: ["organisation"], message: "organisationRequired" });
  }
}

export const ProfileSchema = z.object(profileFields).superRefine(requireOrganisation);

// Password rules that need only the password run on the field, so they are reported together with
// every other field's errors; the email check needs the email and runs on the whole object.
const password = z.string().superRefine((value, ctx) => {
  for (const problem of passwordProblems(value)) ctx.addIssue({ code: "custom", message: problem });
});

export const SignUpSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254, { error: "emailInvalid" }).pipe(z.email({ error: "emailInvalid" })),
    password,
    ...profileFields,
  })
  .superRefine((value, ctx) => {
    requireOrganisation(value, ctx);
    if (passwordProblems(value.password, value.email).includes("passwordContainsEmail")) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "passwordContainsEmail" });
    }
  });

export type ProfileInput = z.infer<typeof ProfileSchema>;
export type SignUpInput = z.infer<typeof SignUpSchema>;
