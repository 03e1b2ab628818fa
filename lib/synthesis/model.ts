// The synthesis document model: what lib/synthesis/build.ts produces, snapshots store and every renderer reads.
// Defined once as a zod schema so a stored snapshot is parsed, not trusted, when it is read back.
import { z } from "zod";
import { StakeholderGroup, UnRegion } from "../db/generated/enums";

const Group = z.enum(StakeholderGroup);
const Region = z.enum(UnRegion);

export const SourceSchema = z.object({
  /** submission id, or comment id for comment points */
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  /** site path of the input (no host: the renderer adds it) */
  path: z.string(),
  /** the sentence of the input this paragraph draws on, verbatim */
  sentence: z.string(),
});

export const ParagraphSchema = z.object({
  number: z.number().int(),
  text: z.string(),
});

export const PointParagraphSchema = ParagraphSchema.extend({
  attribution: z.string(),
  quote: z.string(),
  truncated: z.boolean(),
  support: z.number().int(),
  groups: z.array(z.object({ group: Group, count: z.number().int() })),
  /** the group this paragraph was taken for when ordering the theme for balance */
  owner: Group,
  overBalance: z.number().int(),
  campaigns: z.array(z.object({ label: z.string(), submissions: z.number().int() })),
  sources: z.array(SourceSchema),
});

export const CountRowSchema = z.object({ key: z.string(), label: z.string(), submissions: z.number().int(), contributors: z.number().int() });

export const CommentParagraphSchema = ParagraphSchema.extend({
  draftTitle: z.string(),
  anchorId: z.string().nullable(),
  /** the draft paragraph's own number (null for comments on the draft as a whole or a removed paragraph) */
  draftNumber: z.number().int().nullable(),
  excerpt: z.string(),
  total: z.number().int(),
  groups: z.array(z.object({ group: Group, count: z.number().int() })),
  points: z.array(z.object({ quote: z.string(), truncated: z.boolean(), support: z.number().int(), source: SourceSchema })),
});

export const SynthesisModelSchema = z.object({
  version: z.literal(1),
  title: z.string(),
  consultation: z.object({ slug: z.string(), title: z.string() }),
  /** publication time of the latest input included (ISO), so the paper dates itself from its inputs */
  asOf: z.string().nullable(),
  counts: z.object({
    submissions: z.number().int(),
    contributors: z.number().int(),
    comments: z.number().int(),
    commenters: z.number().int(),
    overBalance: z.number().int(),
    campaignSubmissions: z.number().int(),
    campaigns: z.number().int(),
  }),
  byGroup: z.array(CountRowSchema.extend({ key: Group })),
  byRegion: z.array(CountRowSchema.extend({ key: Region })),
  intro: z.array(ParagraphSchema),
  themes: z.array(
    z.object({
      letter: z.string(),
      slug: z.string().nullable(),
      title: z.string(),
      submissions: z.number().int(),
      paragraphs: z.array(PointParagraphSchema),
      /** points beyond the per-theme limit, left out of the paper */
      omitted: z.number().int(),
    }),
  ),
  comments: z
    .object({ letter: z.string(), title: z.string(), intro: ParagraphSchema, paragraphs: z.array(CommentParagraphSchema) })
    .nullable(),
  annexI: z.array(
    z.object({
      group: Group,
      label: z.string(),
      contributors: z.array(
        z.object({
          name: z.string(),
          submissions: z.array(z.object({ reference: z.string(), title: z.string() })),
        }),
      ),
    }),
  ),
  annexII: z.object({
    terms: z.array(z.object({ acronym: z.string(), expansion: z.string(), occurrences: z.number().int() })),
    /** acronyms found in the inputs that the glossary does not expand yet (for the secretariat, not printed) */
    unknown: z.array(z.object({ acronym: z.string(), occurrences: z.number().int() })),
  }),
});

export type SynthesisModel = z.infer<typeof SynthesisModelSchema>;
export type PointParagraph = z.infer<typeof PointParagraphSchema>;
export type CommentParagraph = z.infer<typeof CommentParagraphSchema>;
export type SynthesisSource = z.infer<typeof SourceSchema>;

export const SYNTHESIS_FORMATS = ["md", "docx", "html"] as const;
export type SynthesisFormatName = (typeof SYNTHESIS_FORMATS)[number];
