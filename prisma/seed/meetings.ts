// Demo data of the meetings concern: a past round (2025) with published contributions, a main session whose
// transcript, rapporteur report and roster are in place (one label variant left for the secretariat to merge),
// and remote messages, so a newcomer sees sessions, the roster, the balance's meetings sections and the archive at
// work. Idempotent: nothing is added twice.
import type { PrismaClient } from "../../lib/db/generated/client";
import { ConsultationStatus, OnBehalfOf, StakeholderGroup, SubmissionStatus, Visibility } from "../../lib/db/generated/enums";
import { placeOf } from "../../lib/geo/countries";
import { normaliseName } from "../../lib/users/names";
import { isProceduralText } from "../../lib/meetings/courtesy";
import { isReusableKey } from "../../lib/meetings/roster";
import { displayName, parseTranscript, speakerKey } from "../../lib/meetings/transcript";
import { DEMO_REPORT, DEMO_TRANSCRIPT } from "./meetings-transcript";

const ROUND = "igf-2025-annual-meeting";

const THEMES = [
  { slug: "access", title: "Access", description: "Connecting the next billion: infrastructure, affordability, local content." },
  { slug: "openness", title: "Openness", description: "Freedom of expression, the free flow of information and access to knowledge." },
  { slug: "diversity", title: "Diversity", description: "Multilingualism, internationalised domain names and local content." },
  { slug: "security", title: "Security", description: "Trust, cybersecurity, spam and the protection of users." },
];

const CONTRIBUTIONS = [
  { ref: "IGF25-DEMO-01", org: "Ministry of Communications of Kenya", name: "Wanjiru Kamau", country: "KE", themes: ["access"], title: "Open-access backbones for inland communities", body: "Universal service funds should finance open-access national backbones so that inland communities get affordable capacity." },
  { ref: "IGF25-DEMO-02", org: "Global Telecom Operators Association", name: "Li Wei", country: "SG", themes: ["access"], title: "Clear spectrum rules bring investment", body: "Predictable spectrum policy brings investment to the last mile; shared and licensed spectrum can coexist under clear rules." },
  { ref: "IGF25-DEMO-03", org: "Réseau africain pour la liberté en ligne", name: "Fatou Diop", country: "SN", themes: ["openness", "access"], title: "Shutdowns during elections", body: "Internet shutdowns during elections deprive citizens of essential information. The IGF should track them every year." },
  { ref: "IGF25-DEMO-04", org: "Regional Internet Registry Forum", name: "Ravi Ramgoolam", country: "MU", themes: ["access"], title: "IPv6 lowers the cost of entry", body: "IPv6 deployment lowers costs for new entrants where IPv4 addresses are scarce; capacity building must continue." },
  { ref: "IGF25-DEMO-05", org: "University of Dhaka, Centre for Internet Studies", name: "Nusrat Jahan", country: "BD", themes: ["diversity"], title: "Local-language content drives adoption", body: "Our research shows that local-language content drives adoption more than subsidies; IDN support in applications lags behind." },
  { ref: "IGF25-DEMO-06", org: "Telecommunication Cooperation Organisation", name: "Marie Dubois", country: "CH", themes: ["security"], title: "Cybersecurity capacity with human rights", body: "Cooperation on cybersecurity capacity should respect human rights and the multi-stakeholder model." },
  { ref: "IGF25-DEMO-07", org: "Association for Digital Rights", name: "Priya Participant", country: "BR", themes: ["access", "openness"], title: "Devices, not only data", body: "Affordability programmes must include devices: for most students in our network the phone costs more than a year of data." },
] as const;

// Who the secretariat has already mapped (a full name in the roster, reused in every later session).
const MAPPED: Record<string, { name: string; org: string | null; group: StakeholderGroup; country: string }> = {
  "CHENGETAI MASANGO": { name: "Chengetai Masango", org: null, group: StakeholderGroup.INTERGOVERNMENTAL_ORGANISATION, country: "CH" },
  "ANRIETTE ESTERHUYSEN": { name: "Anriette Esterhuysen", org: null, group: StakeholderGroup.CIVIL_SOCIETY, country: "ZA" },
  "WANJIRU KAMAU": { name: "Wanjiru Kamau", org: "Ministry of Communications of Kenya", group: StakeholderGroup.GOVERNMENT, country: "KE" },
  "LI WEI": { name: "Li Wei", org: "Global Telecom Operators Association", group: StakeholderGroup.PRIVATE_SECTOR, country: "SG" },
  "FATOU DIOP": { name: "Fatou Diop", org: "Réseau africain pour la liberté en ligne", group: StakeholderGroup.CIVIL_SOCIETY, country: "SN" },
  "RAVI RAMGOOLAM": { name: "Ravi Ramgoolam", org: "Regional Internet Registry Forum", group: StakeholderGroup.TECHNICAL_COMMUNITY, country: "MU" },
};

const MESSAGES = [
  { id: "demo-1", handle: "@lagos_hub", body: "Remote hub in Lagos: devices cost more than data for most of our students. #IGF2025 #access", at: "2025-06-24T09:12:00Z", status: "PUBLISHED" },
  { id: "demo-2", handle: "@lagos_hub", body: "Please share the slides before the session, the stream freezes here.", at: "2025-06-24T09:15:00Z", status: "PUBLISHED" },
  { id: "demo-3", handle: "@kofi_net", body: "Universal service funds in our region collect a lot and spend little: fund community networks! #access", at: "2025-06-24T09:31:00Z", status: "PUBLISHED" },
  { id: "demo-4", handle: "@isoc_chapter_np", body: "Transit prices in Nepal are still ten times European prices. #IGF2025", at: "2025-06-24T09:40:00Z", status: "PUBLISHED" },
  { id: "demo-5", handle: "@ravi_rir", body: "IPv6 capacity building sessions open for registration next month. #IPv6", at: "2025-06-24T09:44:00Z", status: "PUBLISHED" },
  { id: "demo-6", handle: "@anon4821", body: "Buy followers now!!! cheap http://spam.example", at: "2025-06-24T09:45:00Z", status: "REJECTED" },
  { id: "demo-7", handle: "@fiji_cable", body: "When our one submarine cable fails the whole country is offline for days: resilience is access. #access", at: "2025-06-24T09:52:00Z", status: "PENDING" },
  { id: "demo-8", handle: "@bolivia_rural", body: "Contenido local en lenguas indígenas o no hay inclusión. #IGF2025", at: "2025-06-24T10:03:00Z", status: "PENDING" },
] as const;

export async function seedMeetings(db: PrismaClient): Promise<void> {
  const round = await db.consultation.upsert({
    where: { slug: ROUND },
    update: {},
    create: {
      slug: ROUND,
      title: "Annual meeting 2025: contributions and sessions",
      summary: "Closed round: written contributions, the main session on access and its remote messages.",
      description: "This round is closed. Its written contributions, the transcript of the main session on meaningful access with its rapporteur's report, and the messages of remote participants are kept on the record.",
      status: ConsultationStatus.PUBLISHED,
      referencePrefix: "IGF25",
      contributionsOpenAt: new Date("2025-03-01T00:00:00Z"),
      contributionsCloseAt: new Date("2025-04-30T23:59:59Z"),
      commentsOpenAt: new Date("2025-03-01T00:00:00Z"),
      commentsCloseAt: new Date("2025-05-15T23:59:59Z"),
      balancePolicy: { create: {} },
      themes: { create: THEMES.map((t, i) => ({ ...t, position: i })) },
    },
    include: { themes: true },
  });
  const themeId = new Map(round.themes.map((t) => [t.slug, t.id]));

  for (const [i, c] of CONTRIBUTIONS.entries()) {
    if (await db.submission.findUnique({ where: { reference: c.ref } })) continue;
    const org = await db.organisation.findUnique({ where: { normalizedName: normaliseName(c.org) } });
    if (!org) continue;
    const submittedAt = new Date(Date.UTC(2025, 2, 5 + i * 6));
    await db.submission.create({
      data: {
        reference: c.ref, consultationId: round.id, organisationId: org.id, contributorKey: `org:${org.id}`, contributorName: c.name, organisationName: org.name,
        onBehalfOf: OnBehalfOf.ORGANISATION, stakeholderGroup: org.stakeholderGroup, ...placeOf(c.country), title: c.title, body: c.body, language: "en",
        status: SubmissionStatus.PUBLISHED, visibility: Visibility.PUBLIC_NAMED, source: "IMPORT", receivedAt: submittedAt, submittedAt,
        publishedAt: new Date(submittedAt.getTime() + 2 * 86_400_000),
        themes: { create: c.themes.map((slug) => ({ themeId: themeId.get(slug) ?? "" })) },
        versions: { create: { version: 1, title: c.title, body: c.body, language: "en", themeSlugs: [...c.themes] } },
      },
    });
  }
  // A letter received on paper, whose author's group and country nobody recorded: counted apart, never dropped.
  if (!(await db.submission.findUnique({ where: { reference: "IGF25-DEMO-08" } }))) {
    const body = "A letter from a rural library asking that public access points in libraries be part of every access strategy.";
    await db.submission.create({
      data: {
        reference: "IGF25-DEMO-08", consultationId: round.id, contributorKey: "name:rural library letter", contributorName: "A rural library", onBehalfOf: OnBehalfOf.SELF,
        stakeholderGroup: StakeholderGroup.UNCLASSIFIED, ...placeOf("ZZ"), title: "Public access points in libraries", body, language: "en",
        status: SubmissionStatus.PUBLISHED, visibility: Visibility.PUBLIC_NAMED, source: "IMPORT", receivedAt: new Date("2025-04-20T00:00:00Z"),
        submittedAt: new Date("2025-04-20T00:00:00Z"), publishedAt: new Date("2025-04-22T00:00:00Z"),
        themes: { create: [{ themeId: themeId.get("access") ?? "" }] },
        versions: { create: { version: 1, title: "Public access points in libraries", body, language: "en", themeSlugs: ["access"] } },
      },
    });
  }

  // The main session, its transcript (parsed like an import) and the rapporteur's report.
  const session = await db.meetingSession.upsert({
    where: { consultationId_slug: { consultationId: round.id, slug: "main-session-meaningful-access" } },
    update: {},
    create: {
      consultationId: round.id, slug: "main-session-meaningful-access", title: "Main session: Meaningful access and digital inclusion", type: "MAIN_SESSION",
      date: new Date("2025-06-24T00:00:00Z"), chair: "Chengetai Masango", moderators: ["Anriette Esterhuysen"], rapporteur: "Nusrat Jahan",
    },
  });
  if ((await db.sessionTurn.count({ where: { sessionId: session.id } })) === 0) {
    const parsed = parseTranscript(DEMO_TRANSCRIPT);
    const people: Record<string, string> = { CHAIR: session.chair, MODERATOR: session.moderators[0] ?? "", RAPPORTEUR: session.rapporteur };
    const speakerIds = new Map<string, string>();
    const speakerFor = async (label: string): Promise<string> => {
      const key = speakerKey(label);
      const scope = isReusableKey(key) ? "" : session.id;
      const known = speakerIds.get(`${scope}:${key}`) ?? (await db.speakerAlias.findUnique({ where: { key_scope: { key, scope } } }))?.speakerId;
      if (known) {
        speakerIds.set(`${scope}:${key}`, known);
        return known;
      }
      const mapped = MAPPED[key];
      const organisationId = mapped?.org ? (await db.organisation.findUnique({ where: { normalizedName: normaliseName(mapped.org) } }))?.id ?? null : null;
      const speaker = await db.speaker.create({
        data: {
          name: mapped?.name ?? displayName(label), organisationId, ...(mapped ? { stakeholderGroup: mapped.group, ...placeOf(mapped.country), mappedAt: new Date("2025-06-25T00:00:00Z") } : {}),
          aliases: { create: { label, key, scope } },
        },
      });
      speakerIds.set(`${scope}:${key}`, speaker.id);
      return speaker.id;
    };
    const rows = [];
    for (const turn of parsed.turns) {
      const person = turn.kind === "person" ? turn.label : turn.kind === "role" && turn.role ? people[turn.role] || null : null;
      const speakerId = person ? await speakerFor(person) : null;
      const speaker = speakerId ? await db.speaker.findUniqueOrThrow({ where: { id: speakerId } }) : null;
      rows.push({
        sessionId: session.id, consultationId: round.id, number: turn.number, speakerId, speakerLabel: turn.label, body: turn.paragraphs.join("\n\n"),
        procedural: isProceduralText(turn.paragraphs.join(" ")),
        ...(speaker ? { stakeholderGroup: speaker.stakeholderGroup, country: speaker.country, region: speaker.region, developing: speaker.developing } : {}),
      });
    }
    await db.sessionTurn.createMany({ data: rows });
    await db.meetingSession.update({ where: { id: session.id }, data: { transcriptFilename: "main-session-access.txt", transcriptImportedAt: new Date("2025-06-25T08:00:00Z"), transcriptSource: DEMO_TRANSCRIPT } });
  }
  if (!(await db.sessionDocument.findFirst({ where: { sessionId: session.id, kind: "RAPPORTEUR_REPORT" } }))) {
    await db.sessionDocument.create({ data: { sessionId: session.id, kind: "RAPPORTEUR_REPORT", title: "Rapporteur's report", body: DEMO_REPORT } });
  }

  // Remote messages: most published, one rejected, two waiting for moderation; one handle in the roster.
  for (const m of MESSAGES) {
    if (await db.remoteMessage.findUnique({ where: { consultationId_externalId: { consultationId: round.id, externalId: m.id } } })) continue;
    const at = new Date(m.at);
    await db.remoteMessage.create({
      data: {
        consultationId: round.id, sessionId: session.id, handle: m.handle, body: m.body, postedAt: at, externalId: m.id,
        hashtags: [...m.body.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((x) => x[1] ?? ""), language: m.id === "demo-8" ? "es" : "en",
        status: m.status, publishedAt: m.status === "PUBLISHED" ? new Date(at.getTime() + 600_000) : null, moderationNote: m.status === "REJECTED" ? "Spam." : null,
      },
    });
  }
  const ravi = await db.speakerAlias.findUnique({ where: { key_scope: { key: "RAVI RAMGOOLAM", scope: "" } }, include: { speaker: true } });
  if (ravi && !(await db.speakerAlias.findUnique({ where: { key_scope: { key: "@ravi_rir", scope: "" } } }))) {
    await db.speakerAlias.create({ data: { speakerId: ravi.speakerId, label: "@ravi_rir", key: "@ravi_rir" } });
    const s = ravi.speaker;
    await db.remoteMessage.updateMany({ where: { handle: "@ravi_rir" }, data: { speakerId: s.id, stakeholderGroup: s.stakeholderGroup, country: s.country, region: s.region, developing: s.developing } });
  }
}
