import type { JobData, JobQueue, QueueName } from "@tenure/app";

/**
 * A JobQueue usable before the job system has started: enqueue waits until
 * `attach` hands it the real queue. The server listens first and starts
 * pg-boss afterwards, so a restart answers requests sooner.
 */
export function deferredJobQueue(): { queue: JobQueue; attach(queue: JobQueue): void } {
  let attach!: (queue: JobQueue) => void;
  const ready = new Promise<JobQueue>((resolve) => (attach = resolve));
  return {
    queue: {
      enqueue: async <Q extends QueueName>(name: Q, data: JobData[Q]) => (await ready).enqueue(name, data),
    },
    attach,
  };
}
