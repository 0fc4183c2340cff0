// Sign-in timing: a wrong password for a real account vs an unknown e-mail.
// Both should cost one argon2id verification, so the ratio should be ~1.
// Run: node --import tsx bench/sign-in-timing.bench.ts
import { createUser, signIn, SignInThrottle } from "@tenure/app";
import { createRepositories, openTestDatabase } from "@tenure/storage";

const database = await openTestDatabase("pglite");
const repositories = createRepositories(database);
await database.db.insertInto("workspaces").values({ id: "ws_bench", name: "Bench", slug: "bench", settings: "{}" }).execute();
const ctx = { workspaceId: "ws_bench", actorId: "bench", role: "admin" as const, purpose: null, requestId: "bench" };
await createUser(ctx, { repositories }, { email: "known@example.com", role: "rep", password: "the right password" });

const rounds = 15;
const time = async (email: string): Promise<number[]> => {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // A fresh throttle per attempt: the back-off is not what is measured here.
    const started = performance.now();
    await signIn({ repositories, throttle: new SignInThrottle() }, { email, password: "a wrong password", address: "bench", requestId: "bench" }).catch(() => undefined);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
};
const median = (xs: number[]) => xs[Math.floor(xs.length / 2)] ?? Number.NaN;

await time("warm-up@example.com");
const known = median(await time("known@example.com"));
const unknown = median(await time("nobody@example.com"));
console.log(`wrong password, known account: median ${known.toFixed(1)} ms (baseline)`);
console.log(`unknown e-mail:                median ${unknown.toFixed(1)} ms (ratio ${(unknown / known).toFixed(2)})`);
await database.close();
