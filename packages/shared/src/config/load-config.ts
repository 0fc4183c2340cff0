import { isAbsolute, resolve } from "node:path";
import { AppError } from "../app-error.ts";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

const logLevels: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/**
 * The whole runtime configuration, validated once at start (loadConfig) and
 * passed down; nothing else reads process.env.
 */
export interface Config {
  /** HTTP port; 0 picks a free one. */
  readonly port: number;
  readonly host: string;
  /** postgres://… to use a PostgreSQL server; null → embedded PGlite in dataDir. */
  readonly databaseUrl: string | null;
  /** Absolute directory for the embedded database and other local state. */
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** Load the demo workspace on the first start of an empty database. */
  readonly demo: boolean;
  /** First admin account (used by the security issue); both or neither. */
  readonly adminEmail: string | null;
  readonly adminPassword: string | null;
  /** Server secret that signs survey links (HMAC); null → generated once and kept in dataDir (resolveServerSecret). */
  readonly secret: string | null;
  /** Never more than one survey per customer in this many days. */
  readonly surveyFrequencyDays: number;
  /** Requests per client address and minute on the public survey page /s/{token}. */
  readonly surveyPageRateLimit: number;
  /** smtp:// or smtps:// URL of the mail server for survey emails; null → email surveys are refused with a clear error. */
  readonly smtpUrl: string | null;
  /** From address of survey emails. */
  readonly mailFrom: string;
  /** Public base URL of this server for links in emails; null → http://HOST:PORT. */
  readonly publicUrl: string | null;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** The variables loadConfig reads, with their defaults, for docs and --help. */
export const configVariables = {
  PORT: "3000",
  HOST: "127.0.0.1",
  DATABASE_URL: "(unset: embedded PGlite)",
  TENURE_DATA_DIR: ".tenure (under the working directory)",
  LOG_LEVEL: "info",
  TENURE_DEMO: "1",
  TENURE_ADMIN_EMAIL: "(unset)",
  TENURE_ADMIN_PASSWORD: "(unset)",
  TENURE_SECRET: "(unset: generated into TENURE_DATA_DIR/server-secret)",
  TENURE_SURVEY_FREQUENCY_DAYS: "30",
  TENURE_SURVEY_PAGE_RATE_LIMIT: "60 (requests per client address and minute on /s/{token})",
  TENURE_SMTP_URL: "(unset: no survey emails)",
  TENURE_MAIL_FROM: "tenure@localhost",
  TENURE_PUBLIC_URL: "(unset: http://HOST:PORT)",
} as const;

const MIN_SECRET = 32;

const MIN_ADMIN_PASSWORD = 12;

/**
 * Read and validate the configuration from `env`. Throws one AppError
 * (code `invalid_config`) whose message lists every problem found, so a
 * user fixes them all in one go; `details.problems` holds them one by one.
 */
export function loadConfig(env: Environment = process.env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? null : value;
  };

  let port = 3000;
  const portText = text("PORT");
  if (portText !== null) {
    const n = Number(portText);
    if (/^\d+$/.test(portText) && n <= 65535) port = n;
    else problems.push(`PORT must be an integer from 0 to 65535, got "${portText}"`);
  }

  const host = text("HOST") ?? "127.0.0.1";
  if (/\s|\//.test(host)) problems.push(`HOST must be a host name or IP address, got "${host}"`);

  const databaseUrl = text("DATABASE_URL");
  if (databaseUrl !== null && !isPostgresUrl(databaseUrl)) {
    problems.push(`DATABASE_URL must be a postgres:// or postgresql:// URL, got "${redactUrl(databaseUrl)}"`);
  }

  const dataDirText = text("TENURE_DATA_DIR") ?? ".tenure";
  const dataDir = isAbsolute(dataDirText) ? dataDirText : resolve(cwd, dataDirText);

  const logLevelText = (text("LOG_LEVEL") ?? "info").toLowerCase();
  const logLevel = logLevels.find((level) => level === logLevelText) ?? "info";
  if (!logLevels.includes(logLevelText as LogLevel)) {
    problems.push(`LOG_LEVEL must be one of ${logLevels.join(", ")}, got "${text("LOG_LEVEL")}"`);
  }

  const demo = parseFlag(text("TENURE_DEMO"), true);
  if (demo === null) problems.push(`TENURE_DEMO must be 1 or 0 (true/false, yes/no, on/off), got "${text("TENURE_DEMO")}"`);

  const adminEmail = text("TENURE_ADMIN_EMAIL");
  const adminPassword = env.TENURE_ADMIN_PASSWORD ?? null;
  if (adminEmail !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) {
    problems.push(`TENURE_ADMIN_EMAIL must be an email address, got "${adminEmail}"`);
  }
  if (adminPassword !== null && adminPassword.length < MIN_ADMIN_PASSWORD) {
    problems.push(`TENURE_ADMIN_PASSWORD must be at least ${MIN_ADMIN_PASSWORD} characters`);
  }
  if ((adminEmail === null) !== (adminPassword === null)) {
    problems.push("TENURE_ADMIN_EMAIL and TENURE_ADMIN_PASSWORD must be set together");
  }

  const secret = env.TENURE_SECRET ?? null;
  if (secret !== null && secret.length < MIN_SECRET) problems.push(`TENURE_SECRET must be at least ${MIN_SECRET} characters`);

  let surveyFrequencyDays = 30;
  const frequencyText = text("TENURE_SURVEY_FREQUENCY_DAYS");
  if (frequencyText !== null) {
    if (/^\d+$/.test(frequencyText) && Number(frequencyText) <= 3650) surveyFrequencyDays = Number(frequencyText);
    else problems.push(`TENURE_SURVEY_FREQUENCY_DAYS must be a whole number of days from 0 to 3650, got "${frequencyText}"`);
  }

  let surveyPageRateLimit = 60;
  const rateText = text("TENURE_SURVEY_PAGE_RATE_LIMIT");
  if (rateText !== null) {
    if (/^\d+$/.test(rateText) && Number(rateText) >= 1 && Number(rateText) <= 1_000_000) surveyPageRateLimit = Number(rateText);
    else problems.push(`TENURE_SURVEY_PAGE_RATE_LIMIT must be a whole number of requests a minute from 1 to 1000000, got "${rateText}"`);
  }

  const smtpUrl = text("TENURE_SMTP_URL");
  if (smtpUrl !== null && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) problems.push(`TENURE_SMTP_URL must be an smtp:// or smtps:// URL, got "${redactUrl(smtpUrl)}"`);
  const mailFrom = text("TENURE_MAIL_FROM") ?? "tenure@localhost";
  if (!/@/.test(mailFrom)) problems.push(`TENURE_MAIL_FROM must be an email address, got "${mailFrom}"`);
  const publicUrl = text("TENURE_PUBLIC_URL");
  if (publicUrl !== null && !/^https?:\/\/[^/\s]+/.test(publicUrl)) problems.push(`TENURE_PUBLIC_URL must be an http:// or https:// URL, got "${publicUrl}"`);

  if (problems.length > 0) {
    throw new AppError(
      "invalid_config",
      "invalid_input",
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}): ${problems.join("; ")}`,
      { problems },
    );
  }
  return { port, host, databaseUrl, dataDir, logLevel, demo: demo ?? true, adminEmail, adminPassword, secret, surveyFrequencyDays, surveyPageRateLimit, smtpUrl, mailFrom, publicUrl };
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Never echo a password from a connection string into logs. */
function redactUrl(value: string): string {
  return value.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
}

function parseFlag(value: string | null, fallback: boolean): boolean | null {
  if (value === null) return fallback;
  const v = value.toLowerCase();
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off"].includes(v)) return false;
  return null;
}
