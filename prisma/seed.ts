// Demo data modelled on an IGF preparatory round. Idempotent: running it again changes nothing.
import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "../lib/db/generated/client";
import { StakeholderGroup, Role, SubmissionStatus, ConsultationStatus, Visibility, OnBehalfOf, ReasonKind } from "../lib/db/generated/enums";
import { hashPassword } from "../lib/auth/password";
import { normaliseName } from "../lib/users/names";
import { slugOf } from "../lib/organisations/slug";
import { placeOf } from "../lib/geo/countries";
import { parseDraftMarkdown } from "../lib/drafts/parse";
import { GLOSSARY_SEED } from "../lib/synthesis/glossary-seed";
import { seedAccounts } from "./seed/accounts";
import { seedDispositions } from "./seed/dispositions";
import { seedOutcomes } from "./seed/outcomes";
import { seedIdentity } from "./seed/identity";
import { seedOrganisations } from "./seed/organisations";
import { seedMeetings } from "./seed/meetings";
import { seedLanguages } from "./seed/languages";
import { seedAccountGroups } from "./seed/account-groups";

export interface SeedResult {
  accounts: { role: string; email: string; password: string | null }[];
}

const DAY = 24 * 60 * 60 * 1000;

const ORGANISATIONS = [
  { name: "Ministry of Communications of Kenya", group: StakeholderGroup.GOVERNMENT, country: "KE" },
  { name: "Federal Office of Communications (Switzerland)", group: StakeholderGroup.GOVERNMENT, country: "CH" },
  { name: "Global Telecom Operators Association", group: StakeholderGroup.PRIVATE_SECTOR, country: "SG" },
  { name: "Cámara de Comercio Electrónico", group: StakeholderGroup.PRIVATE_SECTOR, country: "AR" },
  { name: "Association for Digital Rights", group: StakeholderGroup.CIVIL_SOCIETY, country: "BR" },
  { name: "Réseau africain pour la liberté en ligne", group: StakeholderGroup.CIVIL_SOCIETY, country: "SN" },
  { name: "Regional Internet Registry Forum", group: StakeholderGroup.TECHNICAL_COMMUNITY, country: "MU" },
  { name: "Internet Exchange Point Operators Group", group: StakeholderGroup.TECHNICAL_COMMUNITY, country: "DE" },
  { name: "University of Dhaka, Centre for Internet Studies", group: StakeholderGroup.ACADEMIC_COMMUNITY, country: "BD" },
  { name: "Institut d'études du numérique", group: StakeholderGroup.ACADEMIC_COMMUNITY, country: "FR" },
  { name: "Telecommunication Cooperation Organisation", group: StakeholderGroup.INTERGOVERNMENTAL_ORGANISATION, country: "CH" },
  { name: "Ministerio de Tecnologías de la Información", group: StakeholderGroup.GOVERNMENT, country: "CO" },
] as const;

const DEMO_USERS = [
  { email: "admin@agora.example", name: "Ada Admin", role: Role.ADMIN, org: null, group: StakeholderGroup.TECHNICAL_COMMUNITY, country: "CH" },
  { email: "secretariat@agora.example", name: "Samir Secretariat", role: Role.SECRETARIAT, org: null, group: StakeholderGroup.INTERGOVERNMENTAL_ORGANISATION, country: "CH" },
  { email: "participant@agora.example", name: "Priya Participant", role: Role.PARTICIPANT, org: "Association for Digital Rights", group: StakeholderGroup.CIVIL_SOCIETY, country: "BR" },
] as const;

const CONTRIBUTORS = [
  { email: "wanjiru@ict.go.ke.example", name: "Wanjiru Kamau", org: "Ministry of Communications of Kenya", country: "KE" },
  { email: "li.wei@gtoa.example", name: "Li Wei", org: "Global Telecom Operators Association", country: "SG" },
  { email: "fatou@ralel.example", name: "Fatou Diop", org: "Réseau africain pour la liberté en ligne", country: "SN" },
  { email: "ravi@rirforum.example", name: "Ravi Ramgoolam", org: "Regional Internet Registry Forum", country: "MU" },
  { email: "nusrat@du.example", name: "Nusrat Jahan", org: "University of Dhaka, Centre for Internet Studies", country: "BD" },
  { email: "hans@ixp-ops.example", name: "Hans Becker", org: "Internet Exchange Point Operators Group", country: "DE" },
  { email: "lucia@camara.example", name: "Lucía Fernández", org: "Cámara de Comercio Electrónico", country: "AR" },
  { email: "marie@tco.example", name: "Marie Dubois", org: "Telecommunication Cooperation Organisation", country: "CH" },
] as const;

const THEMES = [
  { slug: "critical-internet-resources", title: "Critical Internet resources", description: "Names, numbers, root servers, IPv6 and the institutions that manage them." },
  { slug: "access", title: "Access", description: "Connecting the next billion: infrastructure, affordability, local content." },
  { slug: "diversity", title: "Diversity", description: "Multilingualism, internationalised domain names and local content." },
  { slug: "openness", title: "Openness", description: "Freedom of expression, the free flow of information and access to knowledge." },
  { slug: "security", title: "Security", description: "Trust, cybersecurity, spam and the protection of users." },
] as const;

const SUBMISSIONS = [
  { ref: "IGF-DEMO-0001", author: "wanjiru@ict.go.ke.example", themes: ["access"], title: "Affordable backbone capacity for East Africa",
    body: "Landing stations have multiplied, yet **affordable backbone capacity** remains out of reach for inland communities.\n\nWe propose that the IGF dedicates a main session to open-access national backbones and shared infrastructure.", status: SubmissionStatus.PUBLISHED, language: "en" },
  { ref: "IGF-DEMO-0002", author: "li.wei@gtoa.example", themes: ["access", "security"], title: "Investment-friendly policies for last-mile access",
    body: "Predictable spectrum policies and streamlined rights-of-way encourage investment in last-mile networks.\n\nSecurity of supply chains must be addressed with industry, not only by regulation.", status: SubmissionStatus.PUBLISHED, language: "en" },
  { ref: "IGF-DEMO-0003", author: "fatou@ralel.example", themes: ["openness", "diversity"], title: "Les coupures d’Internet menacent la liberté d’expression",
    body: "Les coupures d’Internet pendant les élections privent les citoyens d’informations essentielles.\n\nNous demandons que le programme traite des coupures et des contenus locaux en langues africaines.", status: SubmissionStatus.PUBLISHED, language: "fr" },
  { ref: "IGF-DEMO-0004", author: "ravi@rirforum.example", themes: ["critical-internet-resources"], title: "IPv6 deployment needs capacity building",
    body: "IPv6 deployment is uneven across regions. Capacity building for network operators, as offered by the RIRs, should feature in the programme.", status: SubmissionStatus.PUBLISHED, language: "en" },
  { ref: "IGF-DEMO-0005", author: "nusrat@du.example", themes: ["diversity", "access"], title: "Research on multilingual content and IDNs",
    body: "Research shows that local-language content drives adoption. Internationalized domain names (IDNs) remain poorly supported by applications.", status: SubmissionStatus.PUBLISHED, language: "en" },
  { ref: "IGF-DEMO-0006", author: "hans@ixp-ops.example", themes: ["critical-internet-resources", "access"], title: "Local IXPs keep traffic local",
    body: "Every new Internet exchange point (IXP) keeps local traffic local, lowers costs and improves resilience.", status: SubmissionStatus.PUBLISHED, language: "en" },
  { ref: "IGF-DEMO-0007", author: "lucia@camara.example", themes: ["security"], title: "Confianza y comercio electrónico",
    body: "La confianza de los usuarios es la base del comercio electrónico. Proponemos un taller sobre spam y fraude en línea.", status: SubmissionStatus.PENDING, language: "es" },
  { ref: "IGF-DEMO-0008", author: "marie@tco.example", themes: ["security", "openness"], title: "Cooperation on cybersecurity capacity",
    body: "Intergovernmental cooperation on cybersecurity capacity should respect human rights and the multi-stakeholder model.", status: SubmissionStatus.PUBLISHED, language: "en" },
] as const;

const DRAFT_PROGRAMME = `# Draft programme for the annual meeting

## Introduction

The annual meeting will be structured around the themes identified during the consultation: critical Internet resources, access, diversity, openness and security.

Each main session will bring together speakers from every stakeholder group on an equal footing.

## Main sessions

- A main session on access and the next billion users, including affordability and infrastructure.
- A main session on critical Internet resources, covering IPv6 deployment and the management of names and numbers.
- A main session on openness, freedom of expression and the free flow of information.
- A main session on security and trust, including spam and cybercrime.

## Workshops

Workshop proposals will be selected for balance across stakeholder groups, regions and gender.

Remote participation will be available for every session, with captioning in the six UN languages where possible.
`;

const REASON_TEMPLATES = [
  { kind: ReasonKind.REJECT, label: "Off topic", text: "The contribution does not address the themes of this consultation." },
  { kind: ReasonKind.REJECT, label: "Abusive language", text: "The contribution contains abusive or discriminatory language, which the participation rules do not allow." },
  { kind: ReasonKind.REQUEST_CHANGES, label: "Personal data", text: "Please remove the personal data of third parties (names, addresses, phone numbers) and submit again." },
  { kind: ReasonKind.REQUEST_CHANGES, label: "Theme missing", text: "Please tag the contribution with the themes it addresses so that it appears in the right section of the synthesis." },
  { kind: ReasonKind.HIDE, label: "Legal request", text: "Hidden following a legal request; the secretariat keeps the original text." },
] as const;

function demoPassword(): string {
  return process.env.SEED_DEMO_PASSWORD ?? randomBytes(12).toString("base64url");
}

export async function seed(db: PrismaClient, now = new Date()): Promise<SeedResult> {
  const accounts: SeedResult["accounts"] = [];

  const orgIds = new Map<string, { id: string; group: StakeholderGroup; country: string }>();
  for (const org of ORGANISATIONS) {
    const normalizedName = normaliseName(org.name);
    const row = await db.organisation.upsert({
      where: { normalizedName },
      update: {},
      create: { name: org.name, normalizedName, slug: slugOf(org.name), stakeholderGroup: org.group, country: org.country },
    });
    orgIds.set(org.name, { id: row.id, group: row.stakeholderGroup, country: org.country });
  }

  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: u.email } });
    if (existing) {
      accounts.push({ role: u.role, email: u.email, password: null });
      continue;
    }
    const password = demoPassword();
    await db.user.create({
      data: {
        email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(password),
        organisationId: u.org ? orgIds.get(u.org)?.id ?? null : null, stakeholderGroup: u.group, country: u.country,
      },
    });
    accounts.push({ role: u.role, email: u.email, password });
  }

  // Contributors never sign in in the demo: their password is random and not shown.
  const userIds = new Map<string, string>();
  for (const c of CONTRIBUTORS) {
    const org = orgIds.get(c.org);
    if (!org) throw new Error(`seed: unknown organisation ${c.org}`);
    const row = await db.user.upsert({
      where: { email: c.email },
      update: {},
      create: {
        email: c.email, name: c.name, passwordHash: await hashPassword(randomBytes(18).toString("base64url")),
        organisationId: org.id, stakeholderGroup: org.group, country: c.country,
      },
    });
    userIds.set(c.email, row.id);
  }

  const consultation = await db.consultation.upsert({
    where: { slug: "igf-preparatory-round" },
    update: {},
    create: {
      slug: "igf-preparatory-round",
      title: "Preparatory consultation for the annual IGF meeting",
      summary: "Written contributions and comments on the draft programme of the next Internet Governance Forum.",
      description:
        "The secretariat invites all stakeholders to submit written contributions on the themes of the next annual meeting and to comment, paragraph by paragraph, on the draft programme.\n\nAll contributions are published in full once moderated, and a synthesis paper will summarise them by stakeholder group.",
      status: ConsultationStatus.PUBLISHED,
      referencePrefix: "IGF",
      contributionsOpenAt: new Date(now.getTime() - 14 * DAY),
      contributionsCloseAt: new Date(now.getTime() + 30 * DAY),
      commentsOpenAt: new Date(now.getTime() - 7 * DAY),
      commentsCloseAt: new Date(now.getTime() + 45 * DAY),
      balancePolicy: { create: {} },
      themes: { create: THEMES.map((t, i) => ({ ...t, position: i })) },
    },
    include: { themes: true },
  });
  const themeIds = new Map(consultation.themes.map((t) => [t.slug, t.id]));

  await db.consultation.upsert({
    where: { slug: "rio-stocktaking-2007" },
    update: {},
    create: {
      slug: "rio-stocktaking-2007",
      title: "Stocktaking of the Rio meeting",
      summary: "Closed round: contributions on the first two annual meetings.",
      description: "This round is closed. Its contributions informed the synthesis paper for the following meeting.",
      status: ConsultationStatus.PUBLISHED,
      referencePrefix: "RIO",
      contributionsOpenAt: new Date("2007-06-01T00:00:00Z"),
      contributionsCloseAt: new Date("2007-08-31T23:59:59Z"),
      commentsOpenAt: new Date("2007-06-01T00:00:00Z"),
      commentsCloseAt: new Date("2007-09-15T23:59:59Z"),
      balancePolicy: { create: {} },
      themes: { create: THEMES.map((t, i) => ({ ...t, position: i })) },
    },
  });

  await db.consultation.upsert({
    where: { slug: "call-for-workshop-proposals" },
    update: {},
    create: {
      slug: "call-for-workshop-proposals",
      title: "Call for workshop proposals",
      summary: "Opens after the programme is settled.",
      description: "Stakeholders will be invited to propose workshops for the annual meeting.",
      status: ConsultationStatus.PUBLISHED,
      referencePrefix: "WS",
      contributionsOpenAt: new Date(now.getTime() + 50 * DAY),
      contributionsCloseAt: new Date(now.getTime() + 80 * DAY),
      balancePolicy: { create: {} },
    },
  });

  for (const [index, s] of SUBMISSIONS.entries()) {
    if (await db.submission.findUnique({ where: { reference: s.ref } })) continue;
    const authorId = userIds.get(s.author);
    const contributor = CONTRIBUTORS.find((c) => c.email === s.author);
    const org = contributor ? orgIds.get(contributor.org) : undefined;
    if (!authorId || !contributor || !org) throw new Error(`seed: unknown author ${s.author}`);
    const submittedAt = new Date(now.getTime() - (10 - index) * DAY);
    await db.submission.create({
      data: {
        reference: s.ref,
        consultationId: consultation.id,
        authorId,
        organisationId: org.id,
        contributorKey: `org:${org.id}`,
        contributorName: contributor.name,
        organisationName: contributor.org,
        onBehalfOf: OnBehalfOf.ORGANISATION,
        stakeholderGroup: org.group,
        ...placeOf(contributor.country),
        title: s.title,
        body: s.body,
        language: s.language,
        status: s.status,
        visibility: Visibility.PUBLIC_NAMED,
        submittedAt,
        publishedAt: s.status === SubmissionStatus.PUBLISHED ? new Date(submittedAt.getTime() + DAY) : null,
        themes: { create: s.themes.map((slug) => ({ themeId: themeIds.get(slug) ?? "" })) },
        versions: { create: { version: 1, title: s.title, body: s.body, language: s.language, themeSlugs: [...s.themes], editedById: authorId } },
      },
    });
  }

  const draft = await db.draftDocument.upsert({
    where: { consultationId_slug: { consultationId: consultation.id, slug: "draft-programme" } },
    update: {},
    create: {
      consultationId: consultation.id, slug: "draft-programme", title: "Draft programme of the annual meeting",
      commentsOpenAt: consultation.commentsOpenAt, commentsCloseAt: consultation.commentsCloseAt,
    },
  });
  const hasVersion = await db.draftVersion.findFirst({ where: { draftId: draft.id } });
  if (!hasVersion) {
    const blocks = parseDraftMarkdown(DRAFT_PROGRAMME);
    await db.draftVersion.create({
      data: {
        draftId: draft.id, number: 1, source: DRAFT_PROGRAMME, note: "First draft for comment",
        paragraphs: {
          create: blocks.map((b) => ({
            anchorId: randomUUID(), number: b.number, position: b.position, kind: b.kind, level: b.level, text: b.text, sectionTitle: b.sectionTitle,
          })),
        },
      },
    });
  }

  for (const reason of REASON_TEMPLATES) {
    const exists = await db.reasonTemplate.findFirst({ where: { kind: reason.kind, label: reason.label } });
    if (!exists) await db.reasonTemplate.create({ data: reason });
  }

  for (const term of GLOSSARY_SEED) {
    await db.glossaryTerm.upsert({ where: { acronym: term.acronym }, update: {}, create: term });
  }

  await seedAccounts(db, [...DEMO_USERS.map((u) => u.email), ...CONTRIBUTORS.map((c) => c.email)]);
  await seedDispositions(db, now);
  await seedOutcomes(db);
  await seedMeetings(db);
  await seedLanguages(db);
  await seedOrganisations(db, now);
  await seedIdentity(db, now);
  await seedAccountGroups(db, now);

  return { accounts };
}
