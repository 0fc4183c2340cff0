/** One plain email. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files sent with the message (e.g. a recovery letter as PDF). */
  attachments?: MailAttachment[];
}

/** One attached file. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** Sends email (SMTP in the server: apps/server/src/mail/smtp-mailer.ts; a recorder in tests). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
