// E-mail over SMTP (nodemailer): one transport from SMTP_URL (smtp:// or smtps://, credentials in the
// URL), with connection, greeting and socket timeouts so a slow server never holds a notification up.
import "server-only";
import nodemailer from "nodemailer";

export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send(m: MailMessage): Promise<void>; close(): void };

export function createMailer(smtpUrl: string, from: string, timeoutMs = 15_000): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, {
    from,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}
