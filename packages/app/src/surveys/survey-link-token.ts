import { createHmac, timingSafeEqual } from "node:crypto";

/** What a survey link names: one invitation, valid until `expiresAt`. */
export interface SurveyLinkClaims {
  workspaceId: string;
  invitationId: string;
  expiresAt: Date;
}

export type SurveyLinkCheck =
  | { ok: true; claims: SurveyLinkClaims }
  | { ok: false; reason: "forged" }
  /** Genuine but too old: the claims are still told, to answer in the invitation's language. */
  | { ok: false; reason: "expired"; claims: SurveyLinkClaims };

/**
 * The token of a survey link: `<workspace>.<invitation>.<expiry seconds>`
 * followed by an HMAC-SHA256 of it under the server secret, all base64url.
 * It cannot be altered or made up without the secret; single use is the
 * invitation's `used_at`, checked in the database.
 */
export function signSurveyToken(secret: string, claims: SurveyLinkClaims): string {
  const payload = `${claims.workspaceId}.${claims.invitationId}.${Math.floor(claims.expiresAt.getTime() / 1000)}`;
  return `${Buffer.from(payload, "utf8").toString("base64url")}.${mac(secret, payload).toString("base64url")}`;
}

/** Check a token's signature, then its expiry against `now`. */
export function verifySurveyToken(secret: string, token: string, now: Date): SurveyLinkCheck {
  const [encoded, signature, extra] = token.split(".");
  if (encoded === undefined || signature === undefined || extra !== undefined || token.length > 400) return { ok: false, reason: "forged" };
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  const [workspaceId, invitationId, seconds] = payload.split(".");
  if (!workspaceId || !invitationId || !seconds || !/^\d+$/.test(seconds)) return { ok: false, reason: "forged" };
  const claims = { workspaceId, invitationId, expiresAt: new Date(Number(seconds) * 1000) };
  if (claims.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired", claims };
  return { ok: true, claims };
}

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(payload, "utf8").digest();
}
