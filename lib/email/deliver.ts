// Delivery of one outbox row, run by the email.deliver job. Idempotent, keyed on the row (docs/decisions/0011):
//   render (once) -> no SMTP: hold it in the outbox and print it -> claim the row conditionally -> send with the row's
//   stable Message-ID -> mark it sent. A job that crashed between claim and mark runs again under the same job id and
//   may re-claim; the only window in which a message can go out twice is between the server's "250 queued" and our
//   UPDATE, and a resend then carries the same Message-ID, by which receiving systems recognise it.
import "server-only";
import { db } from "../db/client";
import { mailConfig, type MailConfig } from "./config";
import { EmailRenderError, renderEmail } from "./render";
import { listUnsubscribeHeaders } from "./unsubscribe";
import { emailTemplate } from "./templates";
import { isPermanentSmtpError, smtpTransport, type MailTransport } from "./transport";

/** A claim older than this is taken for abandoned even if a different job holds it (the transport times out well before). */
const CLAIM_LEASE = "15 minutes";

export interface DeliveryJob {
  jobId: string;
  attempt: number;
  maxAttempts: number;
  log(message: string): void;
}

export interface DeliveryDependencies {
  config?: MailConfig;
  /** The SMTP transport to use (default: nodemailer on SMTP_URL). */
  transport?: MailTransport;
  /** Where held messages are announced (default: the console, for a newcomer running npm start without SMTP). */
  announce?: (message: string) => void;
}

export type DeliveryOutcome = "sent" | "held" | "failed" | "skipped";

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}

function announcement(row: { toAddress: string; subject: string | null; links: string[] }): string {
  const lines = [`[agora:mail] kept in the outbox (no SMTP_URL): "${row.subject ?? ""}" to ${row.toAddress}`];
  for (const link of row.links) lines.push(`[agora:mail]   ${link}`);
  lines.push("[agora:mail]   (an admin reads it at /secretariat/outbox)");
  return lines.join("\n");
}

export async function deliverEmail(id: string, job: DeliveryJob, deps: DeliveryDependencies = {}): Promise<DeliveryOutcome> {
  const config = deps.config ?? mailConfig();
  let row = await db.emailMessage.findUnique({ where: { id }, include: { user: { select: { name: true } } } });
  if (!row || (row.status !== "QUEUED" && row.status !== "SENDING")) return "skipped";

  if (row.html === null || row.text === null || row.subject === null) {
    try {
      const rendered = await renderEmail({ ...row, recipientName: row.user?.name ?? null }, config);
      // Only a row still waiting takes the rendering; a concurrent job may have got there first.
      await db.emailMessage.updateMany({ where: { id, html: null, status: { in: ["QUEUED", "SENDING"] } }, data: rendered });
    } catch (error) {
      if (!(error instanceof EmailRenderError)) throw error;
      // A template or parameters that do not render will not render on a retry either.
      await db.emailMessage.updateMany({ where: { id, status: { in: ["QUEUED", "SENDING"] } }, data: { status: "FAILED", lastError: errorText(error) } });
      job.log(`message ${id} cannot be rendered: ${errorText(error)}`);
      return "failed";
    }
    row = await db.emailMessage.findUnique({ where: { id }, include: { user: { select: { name: true } } } });
    if (!row || (row.status !== "QUEUED" && row.status !== "SENDING")) return "skipped";
  }

  if (!config.smtpUrl && !deps.transport) {
    const held = await db.emailMessage.updateMany({ where: { id, status: "QUEUED" }, data: { status: "HELD" } });
    if (held.count === 1) (deps.announce ?? console.log)(announcement(row));
    return held.count === 1 ? "held" : "skipped";
  }

  // The claim: only a waiting row, or one this same job claimed before it crashed, or an abandoned claim.
  const claimed = await db.$executeRaw`
    UPDATE "EmailMessage"
    SET status = 'SENDING', "claimedBy" = ${job.jobId}, "claimedAt" = now(), attempts = attempts + 1, "updatedAt" = now()
    WHERE id = ${id}
      AND (status = 'QUEUED'
        OR (status = 'SENDING' AND ("claimedBy" = ${job.jobId} OR "claimedAt" < now() - ${CLAIM_LEASE}::interval)))`;
  if (claimed !== 1) return "skipped";

  const { html, text, subject } = row;
  if (html === null || text === null || subject === null) throw new Error(`message ${id} lost its rendering`);
  const transport = deps.transport ?? smtpTransport(config.smtpUrl ?? "");
  try {
    await transport.send({
      from: config.from,
      to: row.user?.name ? { name: row.user.name, address: row.toAddress } : row.toAddress,
      subject,
      html,
      text,
      messageId: row.messageId,
      headers: listUnsubscribeHeaders(row, config),
    });
  } catch (error) {
    const final = isPermanentSmtpError(error) || job.attempt >= job.maxAttempts;
    await db.emailMessage.updateMany({
      where: { id, status: "SENDING", claimedBy: job.jobId },
      data: { status: final ? "FAILED" : "QUEUED", claimedBy: null, lastError: errorText(error) },
    });
    if (final) {
      job.log(`message ${id} to ${row.toAddress} failed for good: ${errorText(error)}`);
      return "failed";
    }
    throw error; // graphile-worker retries the job with exponential backoff
  }

  // A message that carries a credential is not kept readable once it has left (see EmailTemplate.secret).
  const secret = emailTemplate(row.template)?.secret === true;
  await db.$executeRaw`
    UPDATE "EmailMessage"
    SET status = 'SENT', "sentAt" = now(), "claimedBy" = NULL, "lastError" = NULL, "updatedAt" = now(),
        html = CASE WHEN ${secret} THEN NULL ELSE html END,
        text = CASE WHEN ${secret} THEN NULL ELSE text END,
        links = CASE WHEN ${secret} THEN ARRAY[]::text[] ELSE links END,
        params = CASE WHEN ${secret} THEN '{}'::jsonb ELSE params END
    WHERE id = ${id} AND status = 'SENDING' AND "claimedBy" = ${job.jobId}`;
  return "sent";
}
