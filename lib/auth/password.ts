// Password hashing (argon2id) and the password rules shown to users at sign-up.
import { hash, verify } from "@node-rs/argon2";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

// A short list of passwords that pass the length rule yet are guessed first.
const COMMON = new Set([
  "password12", "password123", "password1234", "1234567890", "12345678910", "qwertyuiop", "qwerty1234",
  "iloveyou12", "letmein123", "welcome123", "changeme123", "abcdefghij", "0123456789", "passw0rd12",
  "administrator", "internetgovernance",
]);

/** Returns the problems with a password, empty when it is acceptable. Messages are i18n keys. */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN) problems.push("passwordTooShort");
  if (password.length > PASSWORD_MAX) problems.push("passwordTooLong");
  if (COMMON.has(password.toLowerCase())) problems.push("passwordCommon");
  if (new Set(password).size < 4) problems.push("passwordRepetitive");
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) problems.push("passwordContainsEmail");
  return problems;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
