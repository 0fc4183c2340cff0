import type { Repositories, Survey } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/** The workspace's surveys, newest first. */
export async function listSurveys(ctx: RequestContext, deps: { repositories: Pick<Repositories, "surveys"> }): Promise<Survey[]> {
  authorize(ctx, "analytics.read");
  return deps.repositories.surveys.listSurveys(ctx.workspaceId);
}
