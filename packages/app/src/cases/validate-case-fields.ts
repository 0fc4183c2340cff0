import { caseChannels, casePriorities, type CaseFields, type Repositories } from "@tenure/domain";
import { invalidInput, type RequestContext } from "@tenure/shared";

const textLimits: Partial<Record<keyof CaseFields, number>> = { subject: 500, description: 20_000, category: 200, externalId: 200, productId: 100 };

/** Field names as the API spells them. */
export const caseFieldApiName: Record<keyof CaseFields, string> = {
  externalId: "external_id",
  customerId: "customer_id",
  contactId: "contact_id",
  subject: "subject",
  description: "description",
  channel: "channel",
  category: "category",
  productId: "product_id",
  priority: "priority",
  ownerUserId: "owner_user_id",
  teamId: "team_id",
};

/**
 * Check the fields present: lengths, enumerations, and that the owner is an
 * active user and the team exists in the workspace. Throws invalid_input
 * naming the field.
 */
export async function validateCaseFields(
  ctx: RequestContext,
  repositories: Pick<Repositories, "users" | "cases">,
  fields: Partial<CaseFields>,
): Promise<void> {
  if (fields.subject !== undefined && fields.subject.trim() === "") throw invalidInput("subject", "subject must not be empty");
  for (const [field, limit] of Object.entries(textLimits) as [keyof CaseFields, number][]) {
    const value = fields[field];
    if (typeof value === "string" && value.length > limit) throw invalidInput(caseFieldApiName[field], `${caseFieldApiName[field]} must be at most ${limit} characters`);
  }
  if (fields.channel !== undefined && !caseChannels.includes(fields.channel)) throw invalidInput("channel", `channel must be one of ${caseChannels.join(", ")}`);
  if (fields.priority !== undefined && !casePriorities.includes(fields.priority)) throw invalidInput("priority", `priority must be one of ${casePriorities.join(", ")}`);
  if (fields.ownerUserId) {
    const owner = await repositories.users.findById(ctx.workspaceId, fields.ownerUserId);
    if (!owner || owner.disabledAt) throw invalidInput("owner_user_id", `No active user with id "${fields.ownerUserId}"`);
  }
  if (fields.teamId && !(await repositories.cases.findTeam(ctx.workspaceId, fields.teamId))) {
    throw invalidInput("team_id", `No team with id "${fields.teamId}"`);
  }
}
