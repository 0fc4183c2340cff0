import type { Mailer } from "@tenure/app";
import nodemailer from "nodemailer";

/** Where and as whom to send: an smtp:// or smtps:// URL (user and password in it if needed) and the From address. */
export interface SmtpSettings {
  url: string;
  from: string;
}

/** A Mailer over SMTP (nodemailer). A refused message rejects with the server's answer. */
export function createSmtpMailer(settings: SmtpSettings): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(settings.url);
  return {
    async send(message) {
      await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.attachments ? { attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })) } : {}),
      });
    },
    close: () => transport.close(),
  };
}
