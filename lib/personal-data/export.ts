// personal-data: "download your data": everything the platform holds about a person, as one zip streamed to them.
// The archive is never built in memory: yazl writes entries one after another as the download reads them, the JSON
// is generated page by page from the database, and attachments are piped from storage one at a time.
import "server-only";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { ZipFile } from "yazl";
import { db } from "../db/client";
import { storage } from "../storage";
import { parseNotificationParams } from "../notifications/kinds";
import { getPreferences } from "../notifications/preferences";

export const EXPORT_FORMAT_VERSION = 1;
const PAGE = 100;

/** The zip's path for an attachment: one folder per contribution, the stored filename made safe for every unzip tool. */
export function attachmentPath(reference: string, index: number, filename: string): string {
  const safe = (value: string) => value.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_").replace(/^\.+/, "_").slice(0, 120) || "file";
  return `attachments/${safe(reference)}/${index + 1}-${safe(filename)}`;
}

async function* pages<T extends { id: string }>(load: (after: string | null) => Promise<T[]>): AsyncGenerator<T> {
  let after: string | null = null;
  for (;;) {
    const rows = await load(after);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)?.id ?? null;
  }
}

const byId = (after: string | null) => (after ? { id: { gt: after } } : {});

function submissionsOf(userId: string) {
  return pages((after) =>
    db.submission.findMany({
      where: { authorId: userId, ...byId(after) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true, reference: true, status: true, title: true, body: true, language: true, visibility: true, onBehalfOf: true,
        contributorName: true, organisationName: true, stakeholderGroup: true, country: true, region: true, gender: true,
        moderationNote: true, submittedAt: true, receivedAt: true, publishedAt: true, createdAt: true, updatedAt: true,
        consultation: { select: { slug: true, title: true } },
        themes: { select: { theme: { select: { slug: true } } } },
        versions: { orderBy: { version: "asc" }, select: { version: true, title: true, body: true, language: true, themeSlugs: true, createdAt: true } },
        moderationEvents: { orderBy: { createdAt: "asc" }, select: { action: true, fromStatus: true, toStatus: true, reason: true, createdAt: true, actorId: true } },
        attachments: { orderBy: { createdAt: "asc" }, select: { id: true, filename: true, mimeType: true, size: true, sha256: true, storageKey: true, createdAt: true } },
      },
    }),
  );
}

function commentsOf(userId: string) {
  return pages((after) =>
    db.comment.findMany({
      where: { authorId: userId, ...byId(after) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true, status: true, body: true, proposedText: true, language: true, authorName: true, organisationName: true, stakeholderGroup: true,
        country: true, anchorId: true, parentId: true, moderationNote: true, createdAt: true, updatedAt: true, publishedAt: true,
        consultation: { select: { slug: true, title: true } },
        draft: { select: { slug: true, title: true } },
        submission: { select: { reference: true } },
        moderationEvents: { orderBy: { createdAt: "asc" }, select: { action: true, fromStatus: true, toStatus: true, reason: true, metadata: true, createdAt: true, actorId: true } },
      },
    }),
  );
}

function notificationsOf(userId: string) {
  return pages((after) =>
    db.notification.findMany({ where: { userId, ...byId(after) }, orderBy: { id: "asc" }, take: PAGE, select: { id: true, kind: true, message: true, link: true, readAt: true, createdAt: true, email: true } }),
  );
}

function emailsOf(userId: string) {
  return pages((after) =>
    db.emailMessage.findMany({
      where: { userId, ...byId(after) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, template: true, category: true, subject: true, toAddress: true, status: true, createdAt: true, sentAt: true },
    }),
  );
}

/** What one moderation event says, without naming the moderator (that is the secretariat's data, not yours). */
function eventView(userId: string, e: { action: string; fromStatus: string | null; toStatus: string | null; reason: string | null; createdAt: Date; actorId: string | null }) {
  return { action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason, at: e.createdAt, byYou: e.actorId === userId };
}

interface AttachmentEntry {
  path: string;
  storageKey: string;
}

/** The JSON document, in chunks; attachment entries are collected as the submissions go by. */
async function* documentChunks(userId: string, attachments: AttachmentEntry[]): AsyncGenerator<string> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, email: true, name: true, role: true, stakeholderGroup: true, country: true, gender: true, locale: true, createdAt: true, updatedAt: true,
      organisation: { select: { name: true, stakeholderGroup: true, country: true } },
    },
  });
  if (!user) throw new Error("the account no longer exists");
  const [preferences, follows, auditAboutYou, yourModeration, optOuts] = await Promise.all([
    getPreferences(userId),
    db.consultationFollow.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { createdAt: true, consultation: { select: { slug: true, title: true } } } }),
    db.auditEvent.findMany({ where: { entityType: "User", entityId: userId }, orderBy: { createdAt: "asc" }, take: 10_000, select: { action: true, details: true, createdAt: true } }),
    db.moderationEvent.count({ where: { actorId: userId, action: { notIn: ["SUBMIT", "EDIT", "WITHDRAW"] } } }),
    db.emailOptOut.findMany({ where: { userId }, orderBy: { category: "asc" }, select: { category: true, createdAt: true } }),
  ]);
  const head = {
    format: "agora-personal-data",
    version: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    account: user,
    notificationPreferences: { emailOff: preferences.emailOff, allEmailOff: preferences.allEmailOff, delivery: preferences.delivery },
    emailOptOuts: optOuts.map((o) => ({ category: o.category, since: o.createdAt })),
    follows: follows.map((f) => ({ consultation: f.consultation, since: f.createdAt })),
    auditEventsAboutYou: auditAboutYou.map((a) => ({ action: a.action, details: a.details, at: a.createdAt })),
    moderationActionsYouTook: yourModeration,
  };
  const opening = JSON.stringify(head, null, 2);
  yield `${opening.slice(0, -2)},\n  "contributions": [`;

  let first = true;
  for await (const s of submissionsOf(userId)) {
    const files = s.attachments.map((a, i) => {
      const path = attachmentPath(s.reference, i, a.filename);
      attachments.push({ path, storageKey: a.storageKey });
      return { filename: a.filename, mimeType: a.mimeType, size: a.size, sha256: a.sha256, uploadedAt: a.createdAt, file: path };
    });
    const { attachments: _stored, moderationEvents, themes, ...rest } = s;
    const item = { ...rest, themes: themes.map((t) => t.theme.slug), history: moderationEvents.map((e) => eventView(userId, e)), attachments: files };
    yield `${first ? "" : ","}\n    ${JSON.stringify(item)}`;
    first = false;
  }
  yield `\n  ],\n  "comments": [`;
  first = true;
  for await (const c of commentsOf(userId)) {
    const { moderationEvents, ...rest } = c;
    // An edit keeps the text it replaced in its event: that is the comment's history.
    const history = moderationEvents.map((e) => {
      const meta = (e.metadata ?? {}) as { previousBody?: unknown; previousProposedText?: unknown };
      return { ...eventView(userId, e), ...(typeof meta.previousBody === "string" ? { previousBody: meta.previousBody } : {}), ...(typeof meta.previousProposedText === "string" ? { previousProposedText: meta.previousProposedText } : {}) };
    });
    yield `${first ? "" : ","}\n    ${JSON.stringify({ ...rest, history })}`;
    first = false;
  }
  yield `\n  ],\n  "notifications": [`;
  first = true;
  for await (const n of notificationsOf(userId)) {
    yield `${first ? "" : ","}\n    ${JSON.stringify({ kind: n.kind, params: parseNotificationParams(n.message), link: n.link, at: n.createdAt, readAt: n.readAt, email: n.email })}`;
    first = false;
  }
  // The e-mails sent (or about to be sent) to the person: what, when and how it went, not the bodies (a reset or
  // verification link must not outlive its message in an archive).
  yield `\n  ],\n  "emails": [`;
  first = true;
  for await (const m of emailsOf(userId)) {
    yield `${first ? "" : ","}\n    ${JSON.stringify({ template: m.template, category: m.category, subject: m.subject, to: m.toAddress, status: m.status, queuedAt: m.createdAt, sentAt: m.sentAt })}`;
    first = false;
  }
  yield `\n  ]\n}\n`;
}

export interface PersonalDataArchive {
  filename: string;
  body: ReadableStream<Uint8Array>;
}

/**
 * The archive of one person's data: agora-data.json (account, preferences, follows, every contribution with its
 * versions and history, every comment with its edits, every notification, the e-mails sent) and the files they attached, under
 * attachments/. A file missing from storage is listed in missing-files.txt instead of failing the download.
 */
export async function personalDataArchive(userId: string): Promise<PersonalDataArchive | null> {
  const exists = await db.user.count({ where: { id: userId } });
  if (!exists) return null;
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  let stopped = false;
  let current: Readable | null = null;
  output.once("close", () => {
    stopped = true;
    current?.destroy();
  });

  const attachments: AttachmentEntry[] = [];
  const drive = async () => {
    const json = Readable.from(documentChunks(userId, attachments));
    current = json;
    zip.addReadStream(json, "agora-data.json");
    await finished(json);
    const missing: string[] = [];
    for (const entry of attachments) {
      if (stopped) return;
      const object = await storage().get(entry.storageKey);
      if (!object) {
        missing.push(entry.path);
        continue;
      }
      const file = Readable.fromWeb(object.body as import("node:stream/web").ReadableStream<Uint8Array>);
      current = file;
      // Stored attachments (PDF, DOCX, images) are compressed already: deflating them again costs CPU for nothing.
      zip.addReadStream(file, entry.path, { compress: false });
      // One file at a time: yazl reads it as fast as the download goes, so memory stays flat.
      await finished(file);
    }
    if (missing.length) zip.addBuffer(Buffer.from(`These files could not be read from storage when the archive was made:\n${missing.join("\n")}\n`), "missing-files.txt");
    zip.end();
  };
  drive().catch((error: unknown) => {
    // The download is cut short rather than ending in a zip that looks complete.
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });

  const date = new Date().toISOString().slice(0, 10);
  return { filename: `agora-data-${date}.zip`, body: Readable.toWeb(output) as ReadableStream<Uint8Array> };
}
