// users: sign-up, profile and organisations. Profile data is snapshotted on each contribution.
import { db, type Tx } from "../db/client";
import { isUniqueViolation, withTransaction } from "../db/transaction";
import { hashPassword } from "../auth/password";
import { normaliseName } from "./names";
import { isKnownCountry } from "../geo/countries";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { ProfileSchema, SignUpSchema, type ProfileInput } from "./schema";
import type { StakeholderGroup } from "../db/generated/enums";


/** One organisation per spelling: the first person to name it sets its stakeholder group. */
export async function findOrCreateOrganisation(tx: Tx, name: string, group: StakeholderGroup, country: string): Promise<string> {
  const normalizedName = normaliseName(name);
  const org = await tx.organisation.upsert({
    where: { normalizedName },
    update: {},
    create: { name: name.trim().replace(/\s+/g, " "), normalizedName, stakeholderGroup: group, country: isKnownCountry(country) ? country : null },
  });
  return org.id;
}

async function organisationIdFor(tx: Tx, input: ProfileInput): Promise<string | null> {
  if (input.individual) return null;
  return findOrCreateOrganisation(tx, input.organisation, input.stakeholderGroup, input.country);
}

export async function registerUser(raw: unknown): Promise<Result<{ id: string; email: string }>> {
  const parsed = SignUpSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await withTransaction(async (tx) => {
      const organisationId = await organisationIdFor(tx, input);
      return tx.user.create({
        data: {
          email: input.email,
          passwordHash,
          name: input.name,
          organisationId,
          stakeholderGroup: input.stakeholderGroup,
          country: input.country,
          gender: input.gender ?? null,
        },
      });
    });
    return ok({ id: user.id, email: user.email });
  } catch (error) {
    if (isUniqueViolation(error, "email")) return fail("invalidInput", { email: ["emailTaken"] }, 409);
    throw error;
  }
}

export async function updateProfile(userId: string, raw: unknown): Promise<Result<{ id: string }>> {
  const parsed = ProfileSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  await withTransaction(async (tx) => {
    const organisationId = await organisationIdFor(tx, input);
    await tx.user.update({
      where: { id: userId },
      data: {
        name: input.name,
        organisationId,
        stakeholderGroup: input.stakeholderGroup,
        country: input.country,
        gender: input.gender ?? null,
      },
    });
  });
  return ok({ id: userId });
}

export async function getProfile(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, email: true, name: true, role: true, stakeholderGroup: true, country: true, gender: true, locale: true,
      organisation: { select: { id: true, name: true } },
    },
  });
}

export async function setPreferredLocale(userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
