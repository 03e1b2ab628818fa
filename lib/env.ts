// Server environment, validated once with zod so a bad value fails fast with a message naming it.
import "server-only";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start the app with `npm start`, which provides one, or set it to a postgres:// URL" })
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must be a postgres:// or postgresql:// URL" }),
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_REPLICA_URL must be a postgres:// or postgresql:// URL (a read replica of DATABASE_URL)" })
    .optional(),
  NEXTAUTH_SECRET: z.string().min(32, { error: "NEXTAUTH_SECRET must be at least 32 characters (npm start generates one in .data/)" }).optional(),
  NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL must be a full URL such as http://localhost:3000" }).optional(),
  PUBLIC_URL: z
    .url({ error: "PUBLIC_URL must be a full URL such as https://consult.example.org" })
    .regex(/^https?:\/\//, { error: "PUBLIC_URL must start with http:// or https://" })
    .optional(),
  STORAGE_DIR: z.string().min(1).default(".data/uploads"),
  S3_ENDPOINT: z.url({ error: "S3_ENDPOINT must be a URL" }).optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  SMTP_URL: z
    .url({ error: "SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587 or smtps://..." })
    .regex(/^smtps?:\/\//, { error: "SMTP_URL must start with smtp:// (STARTTLS when offered) or smtps:// (TLS)" })
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
      error: 'MAIL_FROM must be an address, optionally with a name: "Agora <noreply@example.org>"',
    })
    .optional(),
  AGORA_PROXY_HOPS: z.coerce
    .number({ error: "AGORA_PROXY_HOPS must be a whole number" })
    .int({ error: "AGORA_PROXY_HOPS must be a whole number" })
    .min(1, { error: "AGORA_PROXY_HOPS must be at least 1" })
    .max(10, { error: "AGORA_PROXY_HOPS must be at most 10" })
    .default(1),
  AGORA_WORKER: z
    .enum(["inline", "off"], { error: 'AGORA_WORKER must be "inline" (run background jobs in this process) or "off" (run `npm run worker` elsewhere)' })
    .default("inline"),
  AGORA_WORKER_CONCURRENCY: z.coerce
    .number({ error: "AGORA_WORKER_CONCURRENCY must be a whole number" })
    .int({ error: "AGORA_WORKER_CONCURRENCY must be a whole number" })
    .min(1, { error: "AGORA_WORKER_CONCURRENCY must be at least 1" })
    .max(64, { error: "AGORA_WORKER_CONCURRENCY must be at most 64" })
    .default(2),
  AGORA_STATEMENT_TIMEOUT_MS: z.coerce
    .number({ error: "AGORA_STATEMENT_TIMEOUT_MS must be a number of milliseconds" })
    .int({ error: "AGORA_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds" })
    .min(0, { error: "AGORA_STATEMENT_TIMEOUT_MS must be 0 (off) or more" })
    .default(10_000),
  AGORA_JOB_STATEMENT_TIMEOUT_MS: z.coerce
    .number({ error: "AGORA_JOB_STATEMENT_TIMEOUT_MS must be a number of milliseconds" })
    .int({ error: "AGORA_JOB_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds" })
    .min(0, { error: "AGORA_JOB_STATEMENT_TIMEOUT_MS must be 0 (off) or more" })
    .default(600_000),
  AGORA_EXPORT_TIMEOUT_MS: z.coerce
    .number({ error: "AGORA_EXPORT_TIMEOUT_MS must be a number of milliseconds" })
    .int({ error: "AGORA_EXPORT_TIMEOUT_MS must be a whole number of milliseconds" })
    .min(0, { error: "AGORA_EXPORT_TIMEOUT_MS must be 0 (off) or more" })
    .default(1_800_000),
  AGORA_EXPORT_CONNECTIONS: z.coerce
    .number({ error: "AGORA_EXPORT_CONNECTIONS must be a whole number" })
    .int({ error: "AGORA_EXPORT_CONNECTIONS must be a whole number" })
    .min(1, { error: "AGORA_EXPORT_CONNECTIONS must be at least 1" })
    .max(64, { error: "AGORA_EXPORT_CONNECTIONS must be at most 64" })
    .default(4),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment record; exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in .env files mean "unset", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const env = result.data;
  if (env.SMTP_URL && !env.MAIL_FROM) {
    throw new EnvError(['MAIL_FROM: required when SMTP_URL is set (the sender of every message, e.g. "Agora <noreply@example.org>")']);
  }
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new EnvError(["NEXTAUTH_SECRET: required in production (npm start generates one)"]);
  }
  return env;
}

let cached: Env | undefined;

/** The validated environment; read lazily so `next build` does not need a database. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
