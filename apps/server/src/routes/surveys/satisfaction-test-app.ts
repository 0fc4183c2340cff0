import { createApiToken } from "@tenure/app";
import type { Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, type Database, type Engine } from "@tenure/storage";
import { buildApp } from "../../build-app.ts";
import type { ApiServer } from "../../http/api-server.ts";

/** For route tests: a migrated database with one workspace, an admin token and the app with satisfaction settings (mail discarded). */
export async function openSatisfactionTestApp(engine: Engine, workspaceId: string, secret: string): Promise<{ database: Database; repositories: Repositories; app: ApiServer; token: string }> {
  const database = await openTestDatabase(engine);
  const repositories = createRepositories(database);
  await database.db.insertInto("workspaces").values({ id: workspaceId, name: "Acme", slug: "acme", settings: "{}" }).execute();
  const system: RequestContext = { workspaceId, actorId: "test", role: "admin", purpose: null, requestId: "t" };
  const token = (await createApiToken(system, { repositories }, { kind: "api", name: "test", role: "admin" })).secret;
  const app = await buildApp({ repositories, satisfaction: { secret, mailer: { send: async () => {} }, baseUrl: "https://t.example", frequencyDays: 30 } });
  await app.ready();
  return { database, repositories, app, token };
}
