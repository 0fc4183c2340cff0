import { describe, expect, it } from "vitest";
import { isAppError } from "../app-error.ts";
import { loadConfig, type Environment } from "./load-config.ts";

function problemsOf(env: Environment): string[] {
  try {
    loadConfig(env, "/srv/app");
  } catch (error) {
    if (isAppError(error)) return (error.details.problems as string[] | undefined) ?? [];
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("gives the documented defaults on an empty environment", () => {
    expect(loadConfig({}, "/srv/app")).toEqual({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: null,
      dataDir: "/srv/app/.tenure",
      logLevel: "info",
      demo: true,
      adminEmail: null,
      adminPassword: null,
      secret: null,
      surveyFrequencyDays: 30,
      surveyPageRateLimit: 60,
      smtpUrl: null,
      mailFrom: "tenure@localhost",
      publicUrl: null,
    });
  });

  it("reads every variable", () => {
    const config = loadConfig(
      {
        PORT: "8080",
        HOST: "0.0.0.0",
        DATABASE_URL: "postgres://u:p@db:5432/tenure",
        TENURE_DATA_DIR: "data",
        LOG_LEVEL: "DEBUG",
        TENURE_DEMO: "0",
        TENURE_ADMIN_EMAIL: "admin@example.com",
        TENURE_ADMIN_PASSWORD: "correct horse battery",
      },
      "/srv/app",
    );
    expect(config).toMatchObject({ port: 8080, host: "0.0.0.0", databaseUrl: "postgres://u:p@db:5432/tenure", dataDir: "/srv/app/data", logLevel: "debug", demo: false, adminEmail: "admin@example.com" });
  });

  it("lists every problem at once, naming each variable", () => {
    const problems = problemsOf({
      PORT: "abc",
      DATABASE_URL: "mysql://u:secret@db/x",
      LOG_LEVEL: "loud",
      TENURE_DEMO: "maybe",
      TENURE_ADMIN_EMAIL: "not-an-email",
    });
    expect(problems).toHaveLength(6);
    expect(problems.join("\n")).toMatch(/TENURE_ADMIN_EMAIL must be an email address/);
    expect(problems.join("\n")).toMatch(/PORT/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL/);
    expect(problems.join("\n")).not.toMatch(/secret/);
    expect(problems.join("\n")).toMatch(/LOG_LEVEL/);
    expect(problems.join("\n")).toMatch(/TENURE_DEMO/);
    expect(problems.join("\n")).toMatch(/TENURE_ADMIN_EMAIL and TENURE_ADMIN_PASSWORD must be set together/);
  });

  it("puts every problem in one readable message", () => {
    expect(() => loadConfig({ PORT: "70000", TENURE_ADMIN_PASSWORD: "short" }, "/")).toThrow(
      /Invalid configuration \(3 problems\): PORT .*70000.*; TENURE_ADMIN_PASSWORD must be at least 12 characters; .*set together/,
    );
  });
});
