/** Data of a job on each queue. */
export interface JobData {
  /** Recompute customer value for a workspace (after an import, daily, on request). */
  "clv-refit": { workspaceId: string };
  /** Automatic survey triggers of one workspace (every 5 minutes; also right after a case is resolved). */
  "survey-triggers": { workspaceId: string };
}
export type QueueName = keyof JobData;

/**
 * Background jobs, as use cases see them: put work on a queue. The server
 * implements it with pg-boss in the database (apps/server/src/jobs), so a
 * job survives a restart and any worker process may run it.
 */
export interface JobQueue {
  /** Queue a job; null when an equal job (same queue and workspace) is already waiting. */
  enqueue<Q extends QueueName>(queue: Q, data: JobData[Q]): Promise<string | null>;
}
