import type { Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { refitCustomerValue } from "./refit-customer-value.ts";

export type RequestRefitOutcome =
  | { status: "queued"; jobId: string }
  | { status: "already_queued"; jobId: null }
  | { status: "completed"; jobId: null };

/**
 * Ask for a customer-value refit of the caller's workspace (after an import,
 * or from the API): queued as a `clv-refit` job when a job runner is given,
 * else run now. A workspace has at most one refit waiting; asking again while
 * one waits changes nothing (the waiting one reads the latest data).
 */
export async function requestCustomerValueRefit(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "customerValue">; jobs?: JobQueue | undefined },
): Promise<RequestRefitOutcome> {
  authorize(ctx, "analytics.run");
  if (!deps.jobs) {
    await refitCustomerValue(ctx, deps);
    return { status: "completed", jobId: null };
  }
  const jobId = await deps.jobs.enqueue("clv-refit", { workspaceId: ctx.workspaceId });
  return jobId === null ? { status: "already_queued", jobId: null } : { status: "queued", jobId };
}
