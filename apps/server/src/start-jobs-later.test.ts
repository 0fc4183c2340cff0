import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Jobs } from "./jobs/start-jobs.ts";
import { startJobsLater } from "./start-jobs-later.ts";

describe("startJobsLater", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const fakeJobs = () => {
    const jobs: Jobs & { stopped: boolean } = { queue: { enqueue: async () => null }, stopped: false, stop: async () => void (jobs.stopped = true) };
    return jobs;
  };

  it("starts the jobs only once the delay has passed, and stops them", async () => {
    const jobs = fakeJobs();
    const start = vi.fn(async () => jobs);
    const later = startJobsLater(start, 2_000);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(start).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await later.started).toBe(jobs);
    await later.stop();
    expect(jobs.stopped).toBe(true);
  });

  it("never starts them when stopped before the delay", async () => {
    const start = vi.fn(async () => fakeJobs());
    const later = startJobsLater(start, 2_000);
    await later.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await later.started).toBeNull();
    expect(start).not.toHaveBeenCalled();
  });

  it("rejects `started` when the start fails, and still stops cleanly", async () => {
    const later = startJobsLater(async () => Promise.reject(new Error("no pgboss schema")), 10);
    const outcome = later.started.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10);
    expect(await outcome).toEqual(new Error("no pgboss schema"));
    await expect(later.stop()).resolves.toBeUndefined();
  });
});
