/**
 * `tenure clv fit` end to end on a 1M-customer summary CSV (day-rounded
 * times, simulated from a BG/NBD), in a child process as a user runs it,
 * against baselines measured in the same run on the same file: `wc -l`, and
 * node reading it through csv-parse doing nothing with the rows (a child
 * process too, so both pay node's start-up). Peak memory is the child's
 * maximum resident set (GNU time). Targets: ≤ 5 s and ≤ 1 GB. CPU seconds are
 * printed beside wall seconds: on a loaded machine they are the steadier figure.
 * Run: node --import tsx bench/clv-cli.bench.ts [customers]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRandom } from "../packages/analytics/src/testing/random.ts";

const customers = Number(process.argv[2] ?? 1_000_000);
const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "tenure-clv-bench-"));
const file = join(dir, "summary.csv");

// BG/NBD customers over up to a year of days: λ ~ Gamma(0.25, rate 28/day... per week 4), p ~ Beta(0.8, 2.4).
const random = createRandom(7);
const lines: string[] = ["customer_id,frequency,recency,T,monetary_value"];
for (let i = 0; i < customers; i++) {
  const T = 1 + Math.floor(random.uniform() * 365);
  const lambda = random.gamma(0.25, 1 / 28);
  const p = random.beta(0.8, 2.4);
  let t = 0, x = 0, last = 0;
  for (;;) {
    t += -Math.log(1 - random.uniform()) / lambda;
    if (t > T) break;
    x++;
    last = t;
    if (random.uniform() < p) break;
  }
  const recency = x > 0 ? Math.min(T, Math.max(1, Math.round(last))) : 0;
  const monetary = x > 0 ? (Math.round(random.gamma(6, 5) * 100) / 100).toFixed(2) : "0";
  lines.push(`${i + 1},${x},${recency},${T},${monetary}`);
}
writeFileSync(file, `${lines.join("\n")}\n`);
lines.length = 0;
const megabytes = statSync(file).size / 1e6;

interface Timed {
  seconds: number;
  /** User + system CPU seconds of the child: steadier than wall time on a loaded machine. */
  cpu: number;
  peakMb: number;
  stdout: string;
}

/** Run a command under GNU time: wall seconds (measured here) and the child's peak RSS. */
function timed(command: string, args: readonly string[]): Timed {
  const started = performance.now();
  const child = spawnSync("/usr/bin/time", ["-f", "%U %S %M", command, ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${child.stderr}`);
  const [user = 0, system = 0, kb = 0] = (child.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  return { seconds, cpu: user + system, peakMb: kb / 1024, stdout: child.stdout };
}

const parseOnly = `
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
let rows = 0;
const parser = parse({ from_line: 2, on_record: () => { rows++; return null; } });
createReadStream(process.argv[1]).pipe(parser);
parser.on("data", () => {});
parser.on("end", () => console.log(rows));
`;

const wc = timed("wc", ["-l", file]);
const parse = timed(process.execPath, ["--input-type=module", "-e", parseOnly, file]);
const help = timed(process.execPath, ["bin/tenure.mjs", "clv", "fit", "--help"]);
const fit = timed(process.execPath, ["bin/tenure.mjs", "clv", "fit", file, "--input", "summary", "--model", "bgnbd", "--json"]);
const result = JSON.parse(fit.stdout) as { params: Record<string, number>; converged: boolean; customers: number; rows: number };

const s = (t: Timed): string => `${t.seconds.toFixed(2)} s wall, ${t.cpu.toFixed(2)} s CPU`;
console.log(`tenure clv fit --input summary --model bgnbd --json, ${customers.toLocaleString("en")} customers (${megabytes.toFixed(1)} MB CSV, day-rounded times)`);
console.log(`  baseline wc -l                              ${s(wc)}`);
console.log(`  baseline node + csv-parse, rows discarded   ${s(parse)}  (peak ${parse.peakMb.toFixed(0)} MB)`);
console.log(`  baseline node + tsx start-up (clv fit --help) ${s(help)}  (peak ${help.peakMb.toFixed(0)} MB)`);
console.log(`  tenure clv fit                              ${s(fit)} = ${(fit.seconds / parse.seconds).toFixed(2)}× (CPU ${(fit.cpu / parse.cpu).toFixed(2)}×) the parse baseline; target ≤ 5 s`);
console.log(`  peak memory                                 ${fit.peakMb.toFixed(0)} MB; target ≤ 1024 MB`);
console.log(`  fit: ${result.rows.toLocaleString("en")} distinct rows of ${result.customers.toLocaleString("en")} customers, converged ${result.converged}, r=${result.params.r?.toFixed(4)} alpha=${result.params.alpha?.toFixed(3)} a=${result.params.a?.toFixed(4)} b=${result.params.b?.toFixed(4)} (simulated with 0.25, 28, 0.8, 2.4)`);
rmSync(dir, { recursive: true, force: true });
