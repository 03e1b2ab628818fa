// The SMTP side: nodemailer over SMTP_URL. Behind a small interface so crash tests can wrap the real one.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

export interface OutgoingMail {
  from: string;
  to: { name: string; address: string } | string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ response: string }>;
}

let cached: { url: string; transporter: Transporter } | undefined;

/** One nodemailer transport per SMTP_URL, reused across messages. */
export function smtpTransport(url: string): MailTransport {
  if (cached?.url !== url) {
    cached?.transporter.close();
    cached = {
      url,
      transporter: nodemailer.createTransport({
        url,
        // A stalled server must not hold a job for ever: the attempt fails and is retried with backoff.
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      }),
    };
  }
  const { transporter } = cached;
  return {
    async send(mail) {
      const info = (await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
      })) as { response?: string };
      return { response: info.response ?? "" };
    },
  };
}

/** Whether an SMTP error is final (5xx: the server refused this message for good) rather than worth retrying. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
