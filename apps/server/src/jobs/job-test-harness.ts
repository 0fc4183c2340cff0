import PgBoss from "pg-boss";
import { jobQueueSql, type Engine } from "@tenure/storage";
import { openTestApi, type TestApi } from "../testing/open-test-api.ts";

/** A test API with pg-boss on its database (nothing scheduled runs by itself), one job started on it, and the errors it reported. */
export interface JobTest {
  api: TestApi;
  boss: PgBoss;
  errors: string[];
  close(): Promise<void>;
}

export async function openJobTest(
  engine: Engine,
  start: (boss: PgBoss, deps: { repositories: TestApi["repositories"]; pollingIntervalSeconds: number }, report: (message: string) => void) => Promise<void>,
): Promise<JobTest> {
  const api = await openTestApi(engine);
  const boss = new PgBoss({ db: jobQueueSql(api.database), schedule: false, supervise: true });
  await boss.start();
  const errors: string[] = [];
  await start(boss, { repositories: api.repositories, pollingIntervalSeconds: 0.5 }, (message) => errors.push(message));
  return {
    api,
    boss,
    errors,
    close: async () => {
      await boss.stop({ graceful: true, wait: true });
      await api.close();
    },
  };
}

/** Poll `read` every 250 ms until it answers rows (at most a minute). */
export async function waitForRows<R>(read: () => Promise<R[]>): Promise<R[]> {
  let rows: R[] = [];
  for (let waited = 0; rows.length === 0 && waited < 60_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    rows = await read();
  }
  return rows;
}
