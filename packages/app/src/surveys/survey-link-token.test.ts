import { describe, expect, it } from "vitest";
import { signSurveyToken, verifySurveyToken } from "./survey-link-token.ts";

const secret = "k".repeat(43);
const claims = { workspaceId: "ws_1", invitationId: "sinv_1", expiresAt: new Date("2026-12-01T00:00:00Z") };

describe("survey link tokens", () => {
  it("round-trips before expiry and says expired after", () => {
    const token = signSurveyToken(secret, claims);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(verifySurveyToken(secret, token, new Date("2026-11-30T23:59:59Z"))).toEqual({ ok: true, claims });
    expect(verifySurveyToken(secret, token, new Date("2026-12-01T00:00:00Z"))).toEqual({ ok: false, reason: "expired", claims });
  });

  it("refuses a token signed with another secret, altered or made up", () => {
    const now = new Date("2026-11-01T00:00:00Z");
    const token = signSurveyToken(secret, claims);
    const [payload = "", signature = ""] = token.split(".");
    const longer = Buffer.from("ws_1.sinv_2.1796083200").toString("base64url");
    for (const bad of [signSurveyToken("x".repeat(43), claims), `${longer}.${signature}`, `${payload}.${signature.slice(1)}`, "abc", "", `${token}.x`]) {
      expect(verifySurveyToken(secret, bad, now)).toEqual({ ok: false, reason: "forged" });
    }
  });
});
