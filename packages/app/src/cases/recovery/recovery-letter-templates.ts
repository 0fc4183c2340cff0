import {
  defaultRecoveryLetterTemplates,
  recoveryLetterPlaceholders,
  surveyLocales,
  unknownPlaceholders,
  type RecoveryLetterTemplate,
  type RecoveryLocale,
  type Repositories,
} from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { authorize } from "../../security/authorize.ts";

/** The letter template of every language: the workspace's own, or the default in code. */
export async function listRecoveryLetterTemplates(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "recoveries"> },
): Promise<{ locale: RecoveryLocale; template: RecoveryLetterTemplate; custom: boolean }[]> {
  authorize(ctx, "cases.read");
  const out = [];
  for (const locale of surveyLocales) {
    const own = await deps.repositories.recoveries.template(ctx.workspaceId, locale);
    out.push({ locale, template: own ?? defaultRecoveryLetterTemplates[locale], custom: own !== null });
  }
  return out;
}

/**
 * Replace a language's letter template for this workspace (null: back to
 * the default). Refuses placeholders the letter cannot fill, naming them.
 */
export async function setRecoveryLetterTemplate(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "recoveries"> },
  input: { locale: string; template: RecoveryLetterTemplate | null },
  now: Date = new Date(),
): Promise<void> {
  authorize(ctx, "cases.configure");
  const locale = surveyLocales.find((l) => l === input.locale);
  if (locale === undefined) {
    throw new AppError("invalid_input", "invalid_input", `locale must be one of ${surveyLocales.join(", ")}, got "${input.locale}"`, { field: "locale" });
  }
  if (input.template !== null) {
    const unknown = unknownPlaceholders(input.template, recoveryLetterPlaceholders);
    if (unknown.length > 0) {
      throw new AppError("invalid_input", "invalid_input", `Unknown placeholders: ${unknown.map((u) => `{${u}}`).join(", ")}; known: ${recoveryLetterPlaceholders.map((p) => `{${p}}`).join(", ")}`, {
        field: "body",
        unknown,
      });
    }
    for (const field of ["subject", "body"] as const) {
      if (input.template[field].trim() === "") throw new AppError("invalid_input", "invalid_input", `${field} must not be empty`, { field });
    }
  }
  await deps.repositories.recoveries.saveTemplate(ctx.workspaceId, locale, input.template, now);
}
