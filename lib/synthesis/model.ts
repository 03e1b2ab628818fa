// The synthesis document model: what lib/synthesis/build.ts generates, lib/synthesis/edits.ts turns into the edited
// draft, snapshots store and every renderer reads. Defined once as a zod schema so a stored document is parsed, not
// trusted, when it is read back.
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
  /** the statement of the input this paragraph draws on, verbatim */
  sentence: z.string(),
  /** identity of that statement (input id and a hash of its text), for splitting a point by its statements */
  statementKey: z.string().default(""),
});

export const QuoteSchema = z.object({
  /** verbatim pieces of the input's visible text; consecutive sentences of a paragraph are one piece */
  parts: z.array(z.string()),
  /** the list a lead-in ending with a colon introduces, verbatim, item by item */
  items: z.array(z.string()),
  cutStart: z.boolean(),
  cutEnd: z.boolean(),
  /** language of the input (BCP 47), so renderers mark quotes not in the paper's language */
  language: z.string(),
  source: SourceSchema,
});

export const ParagraphSchema = z.object({
  number: z.number().int(),
  text: z.string(),
});

export const GroupCountSchema = z.object({ group: Group, count: z.number().int() });

export const PointSchema = z.object({
  /** stable identity across regenerations (edits refer to it) */
  key: z.string(),
  /** paragraph number in the paper; null for further points and points set aside */
  number: z.number().int().nullable(),
  /** the paragraph as printed: the secretariat's text when edited, else generated from the fields below */
  text: z.string(),
  edited: z.boolean(),
  /** the attribution words ("Several contributions, mainly from civil society,") */
  attribution: z.string(),
  /** the quote the paragraph gives (most central to the point) and supporting quotes from other contributors */
  quote: QuoteSchema,
  supporting: z.array(QuoteSchema),
  /** contributors behind the point (a campaign counts once) */
  support: z.number().int(),
  groups: z.array(GroupCountSchema),
  /** organisations named in the attribution (when the consultation allows it) */
  named: z.array(z.string()),
  overBalance: z.number().int(),
  campaigns: z.array(z.object({ label: z.string(), submissions: z.number().int() })),
  /** the statements behind the point (the first ones; the citations table has them all) */
  sources: z.array(SourceSchema),
  /** statements behind the point in all */
  statements: z.number().int(),
  /** hash of the statements behind the point, to tell when an edited point's sources changed */
  membersHash: z.string(),
  /** for the secretariat only, never rendered: new since the last build, or edited and its sources changed since */
  flags: z.object({ isNew: z.boolean(), sourcesChanged: z.boolean() }),
  /** the secretariat's reason, when set aside */
  setAsideReason: z.string().nullable(),
  /** who the paragraph speaks of first: contributions (absent in older papers), speakers at the sessions, remote participants */
  voice: z.enum(["contribution", "speaker", "remote"]).optional(),
});

export const CountRowSchema = z.object({ key: z.string(), label: z.string(), submissions: z.number().int(), contributors: z.number().int() });

export const CommentParagraphSchema = ParagraphSchema.extend({
  draftTitle: z.string(),
  anchorId: z.string().nullable(),
  /** the draft paragraph's own number (null for comments on the draft as a whole or a removed paragraph) */
  draftNumber: z.number().int().nullable(),
  excerpt: z.string(),
  total: z.number().int(),
  groups: z.array(GroupCountSchema),
  points: z.array(z.object({ quote: z.string(), truncated: z.boolean(), support: z.number().int(), source: SourceSchema })),
});

export const SectionSchema = z.object({
  /** theme id, or "" for general comments */
  key: z.string(),
  letter: z.string(),
  slug: z.string().nullable(),
  title: z.string(),
  submissions: z.number().int(),
  /** the body: one numbered paragraph per point */
  paragraphs: z.array(PointSchema),
  /** points past the secretariat's length for the body, listed at the end of the section (nothing is dropped) */
  further: z.array(PointSchema),
});

export const SynthesisModelSchema = z.object({
  version: z.literal(2),
  /** the locale of the paper's own phrases */
  language: z.string(),
  title: z.string(),
  consultation: z.object({ slug: z.string(), title: z.string() }),
  /** when the inputs were received (first and last), ISO; the date line gives this period */
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** publication time of the latest input included (ISO): dates the file itself */
  asOf: z.string().nullable(),
  counts: z.object({
    submissions: z.number().int(),
    contributors: z.number().int(),
    comments: z.number().int(),
    commenters: z.number().int(),
    overBalance: z.number().int(),
    campaignSubmissions: z.number().int(),
    campaigns: z.number().int(),
    /** the meetings' record (absent in papers made before transcripts and remote messages joined) */
    sessions: z.number().int().optional(),
    turns: z.number().int().optional(),
    speakers: z.number().int().optional(),
    proceduralTurns: z.number().int().optional(),
    remoteMessages: z.number().int().optional(),
    remoteAuthors: z.number().int().optional(),
  }),
  byGroup: z.array(CountRowSchema.extend({ key: Group })),
  byRegion: z.array(CountRowSchema.extend({ key: Region })),
  intro: z.array(ParagraphSchema),
  themes: z.array(SectionSchema),
  comments: z
    .object({ letter: z.string(), title: z.string(), intro: ParagraphSchema, paragraphs: z.array(CommentParagraphSchema) })
    .nullable(),
  /** points the secretariat set aside, with the reason (in the draft, not in the paper) */
  setAside: z.array(PointSchema),
  coverage: z.object({
    /** published contributions at build time */
    total: z.number().int(),
    /** cited by at least one paragraph of the body or of further points */
    cited: z.number().int(),
    /** not cited, and set aside by the secretariat (directly, or through the points behind them) */
    setAside: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string(), reason: z.string() })),
    /** neither cited nor set aside: the secretariat must cite or set them aside */
    uncited: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string() })),
  }),
  annexI: z.array(
    z.object({
      group: Group,
      label: z.string(),
      contributors: z.array(
        z.object({
          name: z.string(),
          /** paragraphs: the numbers of the paragraphs that cite it, or "B" for the further points of section B */
          submissions: z.array(z.object({ reference: z.string(), title: z.string(), paragraphs: z.array(z.string()), setAside: z.string().nullable() })),
        }),
      ),
    }),
  ),
  annexII: z.object({
    terms: z.array(z.object({ acronym: z.string(), expansion: z.string(), occurrences: z.number().int() })),
    /** acronyms found in the inputs that neither the glossary nor the inputs expand (for the secretariat, never printed) */
    unknown: z.array(z.object({ acronym: z.string(), occurrences: z.number().int() })),
  }),
});

export type SynthesisModel = z.infer<typeof SynthesisModelSchema>;
export type SynthesisPointModel = z.infer<typeof PointSchema>;
export type SynthesisSection = z.infer<typeof SectionSchema>;
export type SynthesisQuote = z.infer<typeof QuoteSchema>;
export type CommentParagraph = z.infer<typeof CommentParagraphSchema>;
export type SynthesisSource = z.infer<typeof SourceSchema>;

export const SYNTHESIS_FORMATS = ["md", "docx", "html"] as const;
export type SynthesisFormatName = (typeof SYNTHESIS_FORMATS)[number];
