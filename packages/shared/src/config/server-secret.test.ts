import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "./load-config.ts";
import { resolveServerSecret } from "./server-secret.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("server secret and survey settings", () => {
  it("generates a secret once into the data dir and reads the same one back", () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "tenure-secret-")), "data");
    dirs.push(dataDir);
    const first = resolveServerSecret({ secret: null, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(resolveServerSecret({ secret: null, dataDir })).toBe(first);
    expect(readFileSync(join(dataDir, "server-secret"), "utf8").trim()).toBe(first);
    expect(statSync(join(dataDir, "server-secret")).mode & 0o077).toBe(0);
  });

  it("uses TENURE_SECRET when set and lists bad survey settings", () => {
    const secret = "s".repeat(40);
    const config = loadConfig({ TENURE_SECRET: secret, TENURE_SURVEY_FREQUENCY_DAYS: "14" }, "/tmp");
    expect([config.surveyFrequencyDays, resolveServerSecret(config)]).toEqual([14, secret]);
    expect(loadConfig({}, "/tmp")).toMatchObject({ secret: null, surveyFrequencyDays: 30 });
    expect(() => loadConfig({ TENURE_SECRET: "short", TENURE_SURVEY_FREQUENCY_DAYS: "-1", TENURE_SMTP_URL: "http://u:pw@mail", TENURE_PUBLIC_URL: "t.example" }, "/tmp")).toThrow(
      /TENURE_SECRET must be at least 32 characters; TENURE_SURVEY_FREQUENCY_DAYS must be a whole number of days from 0 to 3650, got "-1"; TENURE_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL, got "http:\/\/u:\*\*\*@mail"; TENURE_PUBLIC_URL must be an http:\/\/ or https:\/\/ URL, got "t.example"/,
    );
  });
});
