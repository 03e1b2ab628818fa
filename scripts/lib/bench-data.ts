// Data for the scale benchmark (scripts/bench/scale.ts), generated inside PostgreSQL: one open consultation with N
// published contributions whose bodies are assembled per row from a few hundred phrases (3 to 9 sentences of
// varying length, so practically every text is distinct), spread over 8 themes, 6 stakeholder groups, 5 regions and
// 6 languages, plus pending inputs for the moderation queue and verified participants for the ingest run.
import type pg from "pg";

export const BENCH_SLUG = "bench-scale";
/** In about a third of the bodies. */
export const COMMON_WORD = "access";
/** In about ten bodies whatever the size. */
export const RARE_WORD = "quokka";
export const THEMES = ["access", "security", "rights", "governance", "infrastructure", "economy", "environment", "skills"] as const;

const SUBJECTS = [
  "Our organisation", "Civil society groups in the region", "The national regulator", "Small network operators", "Many universities",
  "Local governments", "Community networks", "Independent researchers", "Women-led start-ups", "Rural cooperatives",
  "The ministry", "Youth organisations", "Internet exchange points", "Consumer associations", "Public libraries",
  "Indigenous communities", "Technical experts", "Trade unions", "Human rights defenders", "Content creators",
  "Cloud providers", "Schools", "Journalists", "Disability advocates", "Parliamentarians", "Regional registries",
  "Mobile operators", "Open-source communities", "Development banks", "City councils",
];
const VERBS = [
  "call for", "strongly support", "are concerned about", "recommend", "question", "have documented", "ask the forum to address",
  "want clearer rules on", "propose funding for", "warn against cuts to", "report progress on", "need more data about",
  "would welcome guidance on", "object to", "have invested in", "see an urgent need for", "are piloting", "measured the effect of",
  "ask for transparency about", "urge cooperation on",
];
const OBJECTS = [
  "affordable broadband access", "meaningful access for persons with disabilities", "access to public information", "open access to research",
  "spectrum licensing", "cross-border data flows", "encryption standards", "IPv6 deployment", "multilingual domain names",
  "platform accountability", "content moderation appeals", "election integrity online", "child safety measures", "digital public goods",
  "last-mile fibre", "satellite connectivity", "local hosting", "data protection enforcement", "algorithmic transparency",
  "cybercrime cooperation", "incident response capacity", "digital literacy curricula", "e-waste recycling", "energy use of data centres",
  "community access points", "universal service funds", "net neutrality", "interoperability of identity systems", "open standards",
  "remote participation", "gender-disaggregated statistics", "network resilience", "shutdown monitoring", "small business e-commerce",
  "mobile money regulation", "public interest research", "routing security", "submarine cable repairs", "local language content",
  "artificial intelligence in public services",
];
const QUALIFIERS = [
  "in rural districts", "across the region", "before the next review", "with measurable targets", "for marginalised groups",
  "under the current budget", "in coastal towns", "in cooperation with regulators", "at municipal level", "in our last survey",
  "during the pandemic", "for the next five years", "in line with human rights law", "without new barriers", "in small island states",
  "as a matter of priority", "through multistakeholder processes", "where markets have failed", "in border areas", "for older users",
];
const CLOSINGS = [
  "We are ready to share our data.", "Details are in the attached study.", "This reflects a consultation of our members.",
  "We would welcome a follow-up session.", "The evidence is summarised below.", "Several partners endorse this view.", "",
];

export interface ScaleSeedOptions {
  /** published contributions */
  size: number;
  /** pending contributions (the moderation queue) */
  pending: number;
  /** verified participants for the ingest run */
  participants: number;
}

/** The consultation's id (one consultation per database). */
export const BENCH_CONSULTATION_ID = "bench-scale-c";

/**
 * Seeds one consultation in `client`'s database: INSERT … SELECT from generate_series, ANALYZE at the end. The
 * random generator is seeded, so two runs of one size hold the same texts.
 */
export async function seedScaleData(client: pg.Client, options: ScaleSeedOptions): Promise<void> {
  const c = BENCH_CONSULTATION_ID;
  await client.query("BEGIN");
  await client.query("SELECT setseed(0.42)");
  await client.query(
    `INSERT INTO "Consultation" ("id","slug","title","description","status","referencePrefix","contributionsOpenAt","contributionsCloseAt","commentsOpenAt","commentsCloseAt","updatedAt")
     VALUES ($1,$2,'Benchmark consultation','Synthetic data for npm run bench','PUBLISHED','BEN',now() - interval '30 days',now() + interval '30 days',now() - interval '30 days',now() + interval '30 days',now())`,
    [c, BENCH_SLUG],
  );
  await client.query(
    `INSERT INTO "Theme" ("id","consultationId","slug","title","position") SELECT $1 || '-t' || i, $1, t, initcap(t), i FROM unnest($2::text[]) WITH ORDINALITY AS x(t, i)`,
    [c, [...THEMES]],
  );
  await client.query(`CREATE TEMP TABLE bench_words (subjects text[], verbs text[], objects text[], qualifiers text[], closings text[]) ON COMMIT DROP`);
  await client.query(`INSERT INTO bench_words VALUES ($1, $2, $3, $4, $5)`, [SUBJECTS, VERBS, OBJECTS, QUALIFIERS, CLOSINGS]);
  // Published: ids bench-p<g>; pending: bench-q<g>, arriving after every published one.
  const insert = async (prefix: string, count: number, status: "PUBLISHED" | "PENDING", offset: number) => {
    if (count <= 0) return;
    await client.query(
      `INSERT INTO "Submission" ("id","reference","consultationId","contributorKey","contributorName","organisationName","onBehalfOf","stakeholderGroup",
         "country","region","developing","gender","title","body","language","status","visibility","receivedAt","submittedAt","publishedAt","updatedAt")
       SELECT '${prefix}' || g, 'BEN-' || lpad((g + $3::int)::text, 8, '0'), $1, 'name:c' || (g % 50000), 'Contributor ' || (g % 50000),
         CASE WHEN g % 3 = 0 THEN NULL ELSE 'Organisation ' || (g % 2000) END, CASE WHEN g % 3 = 0 THEN 'SELF' ELSE 'ORGANISATION' END::"OnBehalfOf",
         (ARRAY['CIVIL_SOCIETY','CIVIL_SOCIETY','GOVERNMENT','PRIVATE_SECTOR','TECHNICAL_COMMUNITY','ACADEMIC_COMMUNITY','INTERGOVERNMENTAL_ORGANISATION','PRIVATE_SECTOR'])[1 + (g * 7) % 8]::"StakeholderGroup",
         (ARRAY['KE','BR','DE','IN','PL','NG','MX','FR','JP','UA'])[1 + g % 10],
         (ARRAY['AFRICAN','LATIN_AMERICAN_AND_CARIBBEAN','WESTERN_EUROPEAN_AND_OTHERS','ASIA_PACIFIC','EASTERN_EUROPEAN'])[1 + g % 5]::"UnRegion",
         g % 5 IN (0, 1, 3), (ARRAY['FEMALE','MALE',NULL,'NON_BINARY',NULL,'FEMALE','MALE'])[1 + g % 7]::"Gender",
         initcap(w.objects[1 + (g * 13) % array_length(w.objects, 1)]) || ' ' || w.qualifiers[1 + (g * 3) % array_length(w.qualifiers, 1)],
         b.body || CASE WHEN g % GREATEST($2::int / 10, 1) = 0 THEN ' The ${RARE_WORD} principle applies here.' ELSE '' END,
         (ARRAY['en','en','en','fr','es','ar','ru','zh'])[1 + g % 8], '${status}'::"SubmissionStatus",
         CASE WHEN g % 11 = 0 THEN 'PUBLIC_ANONYMOUS' ELSE 'PUBLIC_NAMED' END::"Visibility",
         now() - make_interval(secs => ($2::int - g + 1) * 2 + 10), now() - make_interval(secs => ($2::int - g + 1) * 2 + 10),
         ${status === "PUBLISHED" ? `now() - make_interval(secs => ($2::int - g + 1) * 2)` : "NULL"}, now()
       FROM generate_series(1, $2::int) g, bench_words w,
       LATERAL (
         SELECT string_agg(x.sentence, ' ' ORDER BY x.i) || ' ' || w.closings[1 + floor(random() * array_length(w.closings, 1))::int] AS body
         FROM (
           SELECT i, w.subjects[1 + floor(random() * array_length(w.subjects, 1))::int] || ' ' || w.verbs[1 + floor(random() * array_length(w.verbs, 1))::int] || ' ' ||
             w.objects[1 + floor(random() * array_length(w.objects, 1))::int] || ' ' || w.qualifiers[1 + floor(random() * array_length(w.qualifiers, 1))::int] ||
             CASE WHEN random() < 0.3 THEN ', and ' || w.objects[1 + floor(random() * array_length(w.objects, 1))::int] || ' matters ' || (1 + floor(random() * 90))::int || ' times more' ELSE '' END || '.' AS sentence
           FROM generate_series(1, 3 + (g * 5) % 7) i
         ) x
       ) b`,
      [c, count, offset],
    );
    await client.query(
      `INSERT INTO "SubmissionTheme" ("submissionId","themeId") SELECT '${prefix}' || g, $1 || '-t' || (1 + g % 8) FROM generate_series(1, $2::int) g`,
      [c, count],
    );
    await client.query(
      `INSERT INTO "SubmissionTheme" ("submissionId","themeId") SELECT '${prefix}' || g, $1 || '-t' || (1 + (g + 3) % 8) FROM generate_series(1, $2::int, 4) g`,
      [c, count],
    );
  };
  await insert("bench-p", options.size, "PUBLISHED", 0);
  await insert("bench-q", options.pending, "PENDING", options.size);
  await client.query(
    `INSERT INTO "User" ("id","email","passwordHash","name","role","stakeholderGroup","country","emailVerifiedAt","updatedAt")
     SELECT 'bench-u' || g, 'bench' || g || '@bench.example', 'x', 'Participant ' || g, 'PARTICIPANT',
       (ARRAY['CIVIL_SOCIETY','GOVERNMENT','PRIVATE_SECTOR','TECHNICAL_COMMUNITY','ACADEMIC_COMMUNITY','INTERGOVERNMENTAL_ORGANISATION'])[1 + g % 6]::"StakeholderGroup",
       (ARRAY['KE','BR','DE','IN','PL'])[1 + g % 5], now(), now()
     FROM generate_series(1, $1::int) g`,
    [options.participants],
  );
  await client.query(
    `INSERT INTO "User" ("id","email","passwordHash","name","role","stakeholderGroup","country","emailVerifiedAt","updatedAt")
     VALUES ('bench-secretariat','secretariat@bench.example','x','Bench secretariat','SECRETARIAT','UNCLASSIFIED','CH',now(),now())`,
  );
  await client.query("COMMIT");
  await client.query("ANALYZE");
}
