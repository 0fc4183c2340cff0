import { AppError, type RequestContext } from "@tenure/shared";

/** The signed-in user's id; a token bound to a role only has no user, hence no preferences. */
export function preferenceUserOf(ctx: RequestContext): string {
  if (!ctx.actorId.startsWith("usr_")) {
    throw new AppError("no_user", "invalid_input", "Preferences belong to a user: sign in, or use a token bound to a user", { field: "Authorization" });
  }
  return ctx.actorId;
}
