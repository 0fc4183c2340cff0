import type { Repositories } from "@tenure/domain";
import { invalidInput, type RequestContext } from "@tenure/shared";
import { preferenceUserOf } from "./user-of.ts";

/** Languages the web app speaks. */
export const userLocales = ["en", "ja", "zh", "ru"] as const;
export type UserLocale = (typeof userLocales)[number];

/** The caller's language (users.locale), as the web app should start in it. */
export async function getUserLocale(ctx: RequestContext, deps: { repositories: Pick<Repositories, "preferences"> }): Promise<UserLocale> {
  const stored = await deps.repositories.preferences.locale(ctx.workspaceId, preferenceUserOf(ctx));
  return userLocales.find((l) => l === stored) ?? "en";
}

/** Keep the caller's language choice. Every user may set their own. */
export async function setUserLocale(ctx: RequestContext, deps: { repositories: Pick<Repositories, "preferences"> }, input: { locale: string }): Promise<UserLocale> {
  const locale = userLocales.find((l) => l === input.locale);
  if (!locale) throw invalidInput("locale", `locale must be one of ${userLocales.join(", ")}`);
  await deps.repositories.preferences.setLocale(ctx.workspaceId, preferenceUserOf(ctx), locale);
  return locale;
}
