import type { Repositories } from "@tenure/domain";
import { hashSecret } from "@tenure/shared";

/** End the session whose cookie value is `secret`; unknown or already ended sessions are fine (idempotent). */
export async function signOut(deps: { repositories: Pick<Repositories, "sessions"> }, input: { secret: string; now?: Date }): Promise<void> {
  if (!input.secret) return;
  const found = await deps.repositories.sessions.findBySecretHash(hashSecret(input.secret));
  if (found) await deps.repositories.sessions.revoke(found.session.id, input.now ?? new Date());
}
