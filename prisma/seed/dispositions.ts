// Demo data for dispositions (issue 16): comments on version 1 of the draft programme from every stakeholder group
// (three of them a campaign of identical comments), version 2 published from them, and the secretariat's answers to
// most, one revised, each with its audit event and its author's notification, as lib/dispositions would record them.
// Idempotent: nothing happens once the draft has a second version.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../lib/db/generated/client";
import type { DispositionKind, StakeholderGroup } from "../../lib/db/generated/enums";
import { hashPassword } from "../../lib/auth/password";
import { normaliseName } from "../../lib/users/names";
import { slugOf } from "../../lib/organisations/slug";
import { placeOf } from "../../lib/geo/countries";
import { parseDraftMarkdown } from "../../lib/drafts/parse";
import { matchVersions } from "../../lib/drafts/match";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

const SHUTDOWNS = "Internet shutdowns during elections must be named in the openness session: they cut citizens off from essential information.";

/** Campaign members who are not among the main seed's contributors. */
const EXTRA_CONTRIBUTORS = [
  { email: "kwame@digital-rights.example", name: "Kwame Mensah", org: "Association for Digital Rights", group: "CIVIL_SOCIETY" as StakeholderGroup, country: "GH" },
  { email: "ana@digital-rights.example", name: "Ana Souza", org: "Association for Digital Rights", group: "CIVIL_SOCIETY" as StakeholderGroup, country: "BR" },
];

interface SeedComment {
  key: string;
  author: string;
  /** paragraph number in version 1; null for the whole draft */
  paragraph: number | null;
  body: string;
  proposedText?: string;
  campaign?: boolean;
}

const COMMENTS: SeedComment[] = [
  { key: "backbones", author: "wanjiru@ict.go.ke.example", paragraph: 3, body: "Please name open-access national backbones in the access session: landing stations alone do not reach inland communities.",
    proposedText: "A main session on access and the next billion users, including affordability, open-access backbones and infrastructure." },
  { key: "shutdowns-1", author: "fatou@ralel.example", paragraph: 5, body: SHUTDOWNS, campaign: true },
  { key: "shutdowns-2", author: "kwame@digital-rights.example", paragraph: 5, body: SHUTDOWNS, campaign: true },
  { key: "shutdowns-3", author: "ana@digital-rights.example", paragraph: 5, body: SHUTDOWNS, campaign: true },
  { key: "rpki", author: "hans@ixp-ops.example", paragraph: 4, body: "Add routing security (RPKI) to the critical Internet resources session." },
  { key: "ipv6", author: "ravi@rirforum.example", paragraph: 4, body: "IPv6 capacity building for network operators deserves its own slot in this session." },
  { key: "remote", author: "li.wei@gtoa.example", paragraph: 8, body: "Remote participants should be able to take the floor, not only watch, and sign-language interpretation should be offered in main sessions." },
  { key: "workshops", author: "lucia@camara.example", paragraph: 7, body: "La selección de talleres debería tener en cuenta cuántos talleres organizó antes cada proponente." },
  { key: "igos", author: "marie@tco.example", paragraph: null, body: "The programme should say how intergovernmental organisations are invited to speak in the main sessions." },
  { key: "multilingual", author: "nusrat@du.example", paragraph: 1, body: "Multilingualism deserves to be a cross-cutting theme of every session, not only of the diversity track." },
];

const VERSION_2_CHANGES: [string, string][] = [
  ["including affordability and infrastructure.", "including affordability, open-access backbones and infrastructure."],
  ["A main session on openness, freedom of expression and the free flow of information.", "A main session on openness, freedom of expression, Internet shutdowns and the free flow of information."],
  ["Remote participation will be available for every session,", "Remote participation, including taking the floor, will be available for every session,"],
];

interface SeedAnswer {
  kind: DispositionKind;
  reason: string;
  /** paragraph number in version 2 that reflects it; "same" follows the comment's anchor */
  paragraph: number | "same" | null;
}

/** The answers, in the order given; two entries for one comment make a revision. */
const ANSWERS: [string, SeedAnswer][] = [
  ["backbones", { kind: "ACCEPTED", reason: "", paragraph: "same" }],
  ["shutdowns-1", { kind: "ACCEPTED", reason: "Shutdowns are now named in the openness session.", paragraph: "same" }],
  ["shutdowns-2", { kind: "ACCEPTED", reason: "Shutdowns are now named in the openness session.", paragraph: "same" }],
  ["shutdowns-3", { kind: "ACCEPTED", reason: "Shutdowns are now named in the openness session.", paragraph: "same" }],
  ["rpki", { kind: "NOT_ACCEPTED", reason: "Routing security is covered by the security and trust session, so it is not repeated here.", paragraph: 6 }],
  ["remote", { kind: "NOT_ACCEPTED", reason: "Interpretation depends on the host country's budget, not yet known.", paragraph: null }],
  ["remote", { kind: "PARTLY_ACCEPTED", reason: "Remote participants can now take the floor; sign-language interpretation depends on the host country's budget.", paragraph: "same" }],
  ["workshops", { kind: "OUT_OF_SCOPE", reason: "Workshop selection criteria are set by the call for workshop proposals, not by the programme.", paragraph: null }],
  ["igos", { kind: "ANSWERED", reason: "Speakers come from every stakeholder group on an equal footing (paragraph 2); the call for speakers is open to intergovernmental organisations.", paragraph: 2 }],
];

export const DISPOSITION_TEMPLATES = [
  { label: "Covered elsewhere", text: "This point is covered by another session of the programme, so it is not repeated here." },
  { label: "Call for proposals", text: "This is decided by the call for workshop proposals, not by the programme." },
  { label: "Reflected as proposed", text: "The paragraph now reads as proposed." },
] as const;

const excerpt = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export async function seedDispositions(db: PrismaClient, now: Date): Promise<void> {
  for (const template of DISPOSITION_TEMPLATES) {
    const exists = await db.reasonTemplate.findFirst({ where: { kind: "DISPOSITION", label: template.label } });
    if (!exists) await db.reasonTemplate.create({ data: { kind: "DISPOSITION", ...template } });
  }

  const draft = await db.draftDocument.findFirst({
    where: { slug: "draft-programme", consultation: { slug: "igf-preparatory-round" } },
    include: { versions: { orderBy: { number: "asc" }, include: { paragraphs: { orderBy: { position: "asc" } } } } },
  });
  const v1 = draft?.versions[0];
  if (!draft || !v1 || draft.versions.length > 1) return;
  const secretariat = await db.user.findUnique({ where: { email: "secretariat@agora.example" } });
  // Version 1 went out for comment a week ago, before the comments below.
  await db.draftVersion.update({ where: { id: v1.id }, data: { publishedAt: new Date(now.getTime() - 7 * DAY) } });

  for (const c of EXTRA_CONTRIBUTORS) {
    const normalizedName = normaliseName(c.org);
    const org = await db.organisation.upsert({ where: { normalizedName }, update: {}, create: { name: c.org, normalizedName, slug: slugOf(c.org), stakeholderGroup: c.group, country: "BR" } });
    await db.user.upsert({
      where: { email: c.email }, update: {},
      create: { email: c.email, name: c.name, passwordHash: await hashPassword(randomBytes(18).toString("base64url")), organisationId: org.id, stakeholderGroup: c.group, country: c.country },
    });
  }

  const byNumber = new Map(v1.paragraphs.filter((p) => p.number !== null).map((p) => [p.number, p]));
  const campaign = await db.campaign.create({ data: { consultationId: draft.consultationId, label: excerpt(SHUTDOWNS, 60) } });
  const commentIds = new Map<string, { id: string; authorId: string; body: string; anchorId: string | null }>();
  for (const [index, c] of COMMENTS.entries()) {
    const user = await db.user.findUnique({ where: { email: c.author }, include: { organisation: true } });
    if (!user) throw new Error(`seed: unknown commenter ${c.author}`);
    const paragraph = c.paragraph === null ? null : byNumber.get(c.paragraph);
    if (c.paragraph !== null && !paragraph) throw new Error(`seed: no paragraph ${c.paragraph}`);
    const createdAt = new Date(now.getTime() - 5 * DAY + index * HOUR);
    const row = await db.comment.create({
      data: {
        consultationId: draft.consultationId, draftId: draft.id, draftVersionId: v1.id, paragraphId: paragraph?.id ?? null, anchorId: paragraph?.anchorId ?? null,
        authorId: user.id, authorName: user.name, organisationName: user.organisation?.name ?? null, stakeholderGroup: user.stakeholderGroup, ...placeOf(user.country),
        language: c.author.startsWith("lucia") ? "es" : "en", body: c.body, proposedText: c.proposedText ?? null,
        status: "PUBLISHED", campaignId: c.campaign ? campaign.id : null, createdAt, publishedAt: createdAt,
      },
    });
    await db.moderationEvent.create({ data: { targetType: "COMMENT", commentId: row.id, actorId: user.id, action: "SUBMIT", toStatus: "PUBLISHED", createdAt } });
    commentIds.set(c.key, { id: row.id, authorId: user.id, body: c.body, anchorId: row.anchorId });
  }

  // Version 2, matched to version 1 exactly as publishing it from the secretariat's page would.
  let source = v1.source;
  for (const [from, to] of VERSION_2_CHANGES) {
    if (!source.includes(from)) throw new Error(`seed: version 1 lacks "${from}"`);
    source = source.replace(from, to);
  }
  const { blocks } = matchVersions(v1.paragraphs, parseDraftMarkdown(source), () => randomBytes(6).toString("base64url"));
  const publishedAt = new Date(now.getTime() - 2 * DAY);
  const v2 = await db.draftVersion.create({
    data: {
      draftId: draft.id, number: 2, source, note: "Revised after the comments on version 1", createdById: secretariat?.id ?? null, publishedAt,
      paragraphs: {
        create: blocks.map((b) => ({
          anchorId: b.anchorId, number: b.number, position: b.position, kind: b.kind, level: b.level, text: b.text, sectionTitle: b.sectionTitle, change: b.change, previousNumber: b.previousNumber,
        })),
      },
    },
    include: { paragraphs: true },
  });

  const revisions = new Map<string, { id: string; revision: number; kind: DispositionKind; reason: string; paragraph: number | null }>();
  for (const [index, [key, answer]] of ANSWERS.entries()) {
    const comment = commentIds.get(key);
    if (!comment) throw new Error(`seed: no comment ${key}`);
    const target = answer.paragraph === "same"
      ? v2.paragraphs.find((p) => p.anchorId === comment.anchorId)
      : answer.paragraph === null ? undefined : v2.paragraphs.find((p) => p.number === answer.paragraph);
    const at = new Date(publishedAt.getTime() + (index + 1) * HOUR);
    const previous = revisions.get(key);
    if (previous) await db.commentDisposition.update({ where: { id: previous.id }, data: { current: false } });
    const revision = (previous?.revision ?? 0) + 1;
    const row = await db.commentDisposition.create({
      data: { commentId: comment.id, revision, current: true, commentRevision: 1, kind: answer.kind, reason: answer.reason, paragraphId: target?.id ?? null, actorId: secretariat?.id ?? null, createdAt: at },
    });
    revisions.set(key, { id: row.id, revision, kind: answer.kind, reason: answer.reason, paragraph: target?.number ?? null });
    await db.auditEvent.create({
      data: {
        actorId: secretariat?.id ?? null, action: previous ? "disposition.revise" : "disposition.record", entityType: "Comment", entityId: comment.id, consultationId: draft.consultationId, createdAt: at,
        details: {
          draftId: draft.id, version: 1, revision, commentRevision: 1, kind: answer.kind, reason: answer.reason,
          paragraph: target?.number ? { version: 2, number: target.number } : null,
          previous: previous ? { kind: previous.kind, reason: previous.reason, paragraph: previous.paragraph } : null,
          ...(key.startsWith("shutdowns") ? { campaignId: campaign.id } : {}),
        },
      },
    });
    const stillThere = comment.anchorId && v2.paragraphs.some((p) => p.anchorId === comment.anchorId && p.number !== null);
    await db.notification.create({
      data: {
        userId: comment.authorId, kind: "disposition", createdAt: at,
        message: JSON.stringify({ target: "COMMENT", title: excerpt(comment.body), reason: answer.reason || null, disposition: answer.kind, revised: previous !== undefined }),
        link: `/consultations/igf-preparatory-round/drafts/draft-programme${stillThere && comment.anchorId ? `?p=${encodeURIComponent(comment.anchorId)}` : ""}#c-${comment.id}`,
      },
    });
  }
}
