// zod schemas for organisations and join requests, shared by the forms and the server actions. Messages are i18n
// keys under "errors.".
import { z } from "zod";
import { STAKEHOLDER_GROUPS } from "../stakeholders/groups";
import { isCountryCode } from "../geo/countries";
import { normaliseDomain } from "./slug";

const id = z.string({ error: "invalidRequest" }).trim().min(1, { error: "invalidRequest" }).max(64, { error: "invalidRequest" });
const expectedVersion = z.coerce.number({ error: "invalidRequest" }).int({ error: "invalidRequest" }).min(1, { error: "invalidRequest" }).max(2_147_483_647, { error: "invalidRequest" });
const optionalText = (max: number, error: string) => z.preprocess((v) => (v === null || v === undefined ? "" : v), z.string().trim().max(max, { error }));

export const organisationName = z.string({ error: "organisationRequired" }).trim().min(2, { error: "organisationRequired" }).max(200, { error: "organisationTooLong" });

const website = z.preprocess(
  (v) => (v === null || v === undefined ? "" : typeof v === "string" ? v.trim() : v),
  z.union([
    z.literal(""),
    z.string().max(300, { error: "websiteInvalid" }).refine((s) => {
      try {
        const url = new URL(s);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, { error: "websiteInvalid" }),
  ]),
);

const country = z.string({ error: "countryRequired" }).trim().toUpperCase().refine(isCountryCode, { error: "countryInvalid" });

/** A join request: an existing organisation (organisationId), or a new one (name, group, country, website). */
export const JoinRequestSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("existing"), organisationId: id, note: optionalText(500, "noteTooLong") }),
  z.object({
    mode: z.literal("new"),
    name: organisationName,
    stakeholderGroup: z.enum(STAKEHOLDER_GROUPS, { error: "stakeholderGroupRequired" }),
    country,
    website,
    note: optionalText(500, "noteTooLong"),
  }),
], { error: "invalidRequest" });

export const MembershipDecisionSchema = z.object({
  membershipId: id,
  expectedVersion,
  decision: z.enum(["APPROVE", "REFUSE"], { error: "invalidRequest" }),
  /** the secretariat may approve a request as a manager; a manager approves members only */
  role: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(["MEMBER", "MANAGER"], { error: "invalidRequest" }).optional()),
  reason: optionalText(500, "reasonTooLong"),
});

export const MembershipChangeSchema = z.object({ membershipId: id, expectedVersion, reason: optionalText(500, "reasonTooLong") });

export const ListedSchema = z.object({
  membershipId: id,
  expectedVersion,
  listed: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export const VerificationSchema = z.object({
  organisationId: id,
  expectedVersion,
  state: z.enum(["VERIFIED", "SUSPENDED", "UNVERIFIED"], { error: "invalidRequest" }),
  /** what the secretariat relied on (a letter, a call, the organisation's own site): required */
  note: z.string({ error: "evidenceRequired" }).trim().min(3, { error: "evidenceRequired" }).max(1000, { error: "noteTooLong" }),
});

/** Domains one per line or separated by commas or spaces; each must be a domain an organisation can own. */
const domains = z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(2000, { error: "domainsInvalid" })).transform((raw, ctx) => {
  const out: string[] = [];
  for (const part of raw.split(/[\s,;]+/).filter(Boolean)) {
    const domain = normaliseDomain(part);
    if (!domain) {
      ctx.addIssue({ code: "custom", message: "domainInvalid", params: { domain: part } });
      return z.NEVER;
    }
    if (!out.includes(domain)) out.push(domain);
  }
  if (out.length > 20) {
    ctx.addIssue({ code: "custom", message: "domainsTooMany" });
    return z.NEVER;
  }
  return out;
});

export const OrganisationEditSchema = z.object({
  organisationId: id,
  expectedVersion,
  name: organisationName,
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS, { error: "stakeholderGroupRequired" }),
  country: z.preprocess((v) => (v === null || v === undefined ? "" : v), z.union([z.literal(""), country])),
  website,
  emailDomains: domains,
});

export const MergeSchema = z.object({
  duplicateId: id,
  duplicateVersion: expectedVersion,
  survivorId: id,
});

export const OrganisationSearchSchema = z.object({
  q: optionalText(200, "invalidRequest").catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  verification: z.enum(["VERIFIED", "UNVERIFIED", "SUSPENDED", "ALL"]).catch("ALL"),
});
