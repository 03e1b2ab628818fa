// Synthesis quality on the labelled round of tests/fixtures/synthesis-quality.ts: grouping precision and recall of
// points, contributions cited, paragraphs against the expected number, quotes starting with an unresolved anaphor.
// Goals (issue 11): precision >= 0.95, recall >= 0.9, every contribution cited or set aside, zero unresolved anaphora.
import { createScriptPrismaClient } from "../lib/prisma.ts";
import { buildLiveDraft } from "../../lib/synthesis/draft.ts";
import { quoteLine } from "../../lib/synthesis/statements.ts";
import { seedQualityRound } from "../../tests/fixtures/synthesis-quality-seed.ts";
import { scoreSynthesis, type ScoredParagraph } from "../../tests/fixtures/synthesis-quality.ts";
import type { Benchmark } from "./types.ts";

export const benchmark: Benchmark = {
  name: "synthesis-quality",
  description: "synthesis of a labelled round (31 contributions, 25 known points): grouping, coverage, quotes",
  async run({ freshDatabase }) {
    const database = await freshDatabase();
    const prisma = createScriptPrismaClient(database.url);
    try {
      const { slug } = await seedQualityRound(prisma);
      const model = await buildLiveDraft(prisma, slug);
      const paragraphs: ScoredParagraph[] = model.themes.flatMap((theme) =>
        [...theme.paragraphs.map((p) => ({ p, placement: "body" as const })), ...theme.further.map((p) => ({ p, placement: "further" as const }))].map(({ p, placement }) => ({
          theme: theme.slug,
          placement,
          support: p.support,
          quotes: [p.quote, ...p.supporting].map((q) => quoteLine({ ...q, unresolved: false })),
          members: p.sources.map((s) => ({ reference: s.reference, text: s.sentence })),
        })),
      );
      const score = scoreSynthesis(paragraphs);
      const row = (measure: string, value: string, goal: string, met: boolean) => [measure, value, goal, met ? "yes" : "NO"];
      return {
        header: ["measure", "value", "goal", "met"],
        rows: [
          row("grouping precision", score.precision.toFixed(3), ">= 0.95", score.precision >= 0.95),
          row("grouping recall", score.recall.toFixed(3), ">= 0.90", score.recall >= 0.9),
          row("contributions cited", `${score.contributionsCited} / ${score.contributions}`, "all", score.contributionsCited === score.contributions),
          row("paragraphs (expected)", `${score.paragraphs} (${score.expectedParagraphs})`, `${score.expectedParagraphs}`, score.paragraphs === score.expectedParagraphs),
          row("paragraphs with a true count", `${score.trueCounts} / ${score.paragraphs}`, "all", score.trueCounts === score.paragraphs),
          row("quotes starting with an unresolved anaphor", `${score.unresolvedAnaphora} / ${score.quotes}`, "0", score.unresolvedAnaphora === 0),
        ],
      };
    } finally {
      await prisma.$disconnect();
      await database.drop();
    }
  },
};
