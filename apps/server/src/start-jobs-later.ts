import type { Jobs } from "./jobs/start-jobs.ts";

/** The job system, started a moment after the server listens. */
export interface LaterJobs {
  /** The running jobs; null when stopped before they started; rejects when the start failed. */
  readonly started: Promise<Jobs | null>;
  /** Cancel a start not yet begun, or stop the running jobs (waiting for jobs in progress). */
  stop(): Promise<void>;
}

/**
 * `start` (startJobs) after `delayMs`. On PGlite the job system's start-up queries
 * share the one connection and the main thread with the first requests;
 * started at once, they made a restart answer its first request ~0.6 s of
 * CPU later (docs/performance.md).
 */
export function startJobsLater(start: () => Promise<Jobs>, delayMs: number): LaterJobs {
  let cancel!: () => void;
  const due = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(true), delayMs);
    cancel = () => {
      clearTimeout(timer);
      resolve(false);
    };
  });
  const started = due.then((go) => (go ? start() : null));
  return {
    started,
    async stop() {
      cancel();
      const jobs = await started.catch(() => null);
      await jobs?.stop();
    },
  };
}
