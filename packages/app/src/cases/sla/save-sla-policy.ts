import { validateSlaPolicy, type Repositories, type SlaPolicy, type SlaPolicyInput } from "@tenure/domain";
import { newId, notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../../security/authorize.ts";
import { throwIfFieldErrors } from "./sla-field-errors.ts";

/**
 * Create an SLA policy, or replace policy `id`. Every field error is
 * reported at once (details.errors); the first names `details.field`.
 */
export async function saveSlaPolicy(ctx: RequestContext, deps: { repositories: Pick<Repositories, "slas"> }, input: SlaPolicyInput, id?: string, now: Date = new Date()): Promise<SlaPolicy> {
  authorize(ctx, "cases.configure");
  const errors = validateSlaPolicy(input);
  throwIfFieldErrors(errors);
  const slas = deps.repositories.slas;
  const existing = id ? await slas.findPolicy(ctx.workspaceId, id) : null;
  if (id && !existing) throw notFound("sla_policy_not_found", `SLA policy ${id} does not exist.`, { id });
  const policy: SlaPolicy = {
    ...input,
    name: input.name.trim(),
    workspaceId: ctx.workspaceId,
    id: existing?.id ?? newId("slaPolicy", now.getTime()),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await slas.savePolicy(policy);
  return policy;
}
