/** One plain email. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends email (SMTP in the server: apps/server/src/mail/smtp-mailer.ts; a recorder in tests). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
