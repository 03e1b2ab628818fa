// zod schemas for the synthesis: export query parameters, snapshot numbers and glossary terms.
import { z } from "zod";
import { SYNTHESIS_FORMATS } from "./model";

export const SnapshotNumberSchema = z.coerce.number({ error: "snapshotInvalid" }).int({ error: "snapshotInvalid" }).min(1, { error: "snapshotInvalid" }).max(1_000_000, { error: "snapshotInvalid" });

/** `?format=md|docx|html&snapshot=N`; format defaults to Markdown, no snapshot means the live draft (secretariat) or the latest published one. */
export const ExportQuerySchema = z.object({
  format: z.enum(SYNTHESIS_FORMATS, { error: "formatInvalid" }).default("md"),
  snapshot: z.preprocess((v) => (v === null || v === "" ? undefined : v), SnapshotNumberSchema.optional()),
});

export const GlossaryTermSchema = z.object({
  acronym: z
    .string()
    .trim()
    .min(2, { error: "acronymInvalid" })
    .max(20, { error: "acronymInvalid" })
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}&.\-/]*$/u, { error: "acronymInvalid" }),
  expansion: z.string().trim().min(2, { error: "expansionRequired" }).max(300, { error: "expansionTooLong" }),
});
