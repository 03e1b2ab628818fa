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

export const SetAsideSchema = z.object({
  submissionId: z.string().min(1, { error: "notFound" }),
  /** the reason, or null to bring the contribution back */
  reason: z.union([z.null(), z.string({ error: "reasonRequired" }).trim().min(3, { error: "reasonRequired" }).max(1000, { error: "reasonTooLong" })], { error: "reasonRequired" }),
});

export const SynthesisSettingsSchema = z.object({
  language: z.string().trim().min(2, { error: "languageInvalid" }).max(10, { error: "languageInvalid" }),
  bodyPoints: z.coerce.number({ error: "bodyPointsInvalid" }).int({ error: "bodyPointsInvalid" }).min(1, { error: "bodyPointsInvalid" }).max(500, { error: "bodyPointsInvalid" }),
  naming: z.enum(["NONE", "INTERGOVERNMENTAL", "ALL"], { error: "namingInvalid" }),
  severalFrom: z.coerce.number({ error: "quantifierInvalid" }).int({ error: "quantifierInvalid" }).min(3, { error: "quantifierInvalid" }).max(10_000, { error: "quantifierInvalid" }),
  severalShare: z.coerce.number({ error: "quantifierInvalid" }).min(0, { error: "quantifierInvalid" }).max(1, { error: "quantifierInvalid" }),
  manyShare: z.coerce.number({ error: "quantifierInvalid" }).min(0, { error: "quantifierInvalid" }).max(1, { error: "quantifierInvalid" }),
  manyFrom: z.coerce.number({ error: "quantifierInvalid" }).int({ error: "quantifierInvalid" }).min(3, { error: "quantifierInvalid" }).max(100_000, { error: "quantifierInvalid" }),
  version: z.coerce.number().int().min(0).default(0),
});
