import type { Repositories } from "@tenure/domain";

export interface Health {
  database: "ok" | "unavailable";
}

/** Whether the service can do its work: the database answers a trivial query within `timeoutMs`. */
export async function checkHealth(deps: { repositories: Pick<Repositories, "ping"> }, options: { timeoutMs?: number } = {}): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.timeoutMs ?? 2_000);
  });
  try {
    const outcome = await Promise.race([deps.repositories.ping().then(() => "ok" as const), timeout]);
    return { database: outcome === "ok" ? "ok" : "unavailable" };
  } catch {
    return { database: "unavailable" };
  } finally {
    clearTimeout(timer);
  }
}
