import type { Mailer } from "@tenure/app";
import { AppError, type Config } from "@tenure/shared";
import { createSmtpMailer } from "./smtp-mailer.ts";

/** The SMTP mailer of the configuration, or one that refuses every email with a clear error when TENURE_SMTP_URL is unset. */
export function configuredMailer(config: Pick<Config, "smtpUrl" | "mailFrom">): Mailer {
  if (config.smtpUrl !== null) return createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom });
  return {
    send: async () => {
      throw new AppError("mail_not_configured", "invalid_input", "Email surveys need TENURE_SMTP_URL; set it, or send with channel in_app", { field: "channel" });
    },
  };
}
