/**
 * Count-model CLV benchmark: compress + fit BG/NBD and Pareto/NBD on 1M
 * simulated customers with day-rounded times (T up to 78 weeks), and score
 * all 1M, each printed with its ratio to a baseline measured in the same run:
 * one evaluation of the model's log-likelihood over the 1M uncompressed rows.
 * Run: node --import tsx bench/clv-fit.bench.ts
 */
import { cpus, loadavg } from "node:os";
import { bgNbd } from "../packages/analytics/src/clv/bg-nbd.ts";
import type { BuyTillYouDieModel } from "../packages/analytics/src/clv/buy-till-you-die.ts";
import { compressSummaryRows, unitWeightRows } from "../packages/analytics/src/clv/compress-rows.ts";
import { mbgNbd } from "../packages/analytics/src/clv/mbg-nbd.ts";
import { paretoNbd } from "../packages/analytics/src/clv/pareto-nbd.ts";
import { createRandom } from "../packages/analytics/src/testing/random.ts";
import { simulateClv, uniformAges, type ClvProcess, type SimulatedSummaries } from "../packages/analytics/src/testing/simulate-clv.ts";

const customers = 1_000_000;
const day = 1 / 7;

const time = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
};
const ms = (value: number): string => `${value.toFixed(0).padStart(6)} ms`;
const mb = (): string => `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`;

function simulate(process: ClvProcess, seed: number): SimulatedSummaries {
  const random = createRandom(seed);
  return simulateClv(process, uniformAges(customers, day, 78, random), random, day);
}

/** Run the timed paths on 200k rows a few times so the JIT has optimised them before timing. */
function warmUp(data: { x: Float64Array; tx: Float64Array; T: Float64Array }): void {
  const part = { x: data.x.subarray(0, 200_000), tx: data.tx.subarray(0, 200_000), T: data.T.subarray(0, 200_000) };
  const out = { probabilityAlive: new Float64Array(200_000), expectedPurchases: new Float64Array(200_000) };
  for (let k = 0; k < 3; k++) compressSummaryRows(part.x, part.tx, part.T);
  const rows = compressSummaryRows(part.x, part.tx, part.T);
  bgNbd.fit(rows);
  paretoNbd.fit(rows);
  bgNbd.score(bgNbd.fit(rows).params, part, 39, out);
  mbgNbd.score({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, part, 39, out);
  paretoNbd.score({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, part, 39, out);
}

function line(label: string, value: number, baseline: number, target?: number): void {
  const verdict = target === undefined ? "" : value <= target ? `  (target ≤ ${target} ms: met)` : `  (target ≤ ${target} ms: MISSED)`;
  console.log(`${label.padEnd(44)} ${ms(value)}  ${(value / baseline).toFixed(1).padStart(6)}× baseline${verdict}`);
}

console.log(`CLV count models, ${customers.toLocaleString("en")} customers, day-rounded times, T ≤ 78 weeks`);

/**
 * Time compress + fit of one model on 1M customers against its baseline: one
 * log-likelihood pass over the 1M uncompressed rows.
 */
function benchFit<Name extends string>(
  label: string, model: BuyTillYouDieModel<Name>, data: SimulatedSummaries, truth: Record<Name, number>, target: number,
) {
  const params = Float64Array.from(model.paramNames.map((name) => truth[name]));
  const grad = new Float64Array(params.length);
  const unmerged = model.likelihood(unitWeightRows(data.x, data.tx, data.T));
  unmerged.logLikelihood(params, grad); // warm-up
  const [, baseline] = time(() => unmerged.logLikelihood(params, grad));
  const [rows, compress] = time(() => compressSummaryRows(data.x, data.tx, data.T));
  const [fit, fitTime] = time(() => model.fit(rows));
  console.log(`\n${label}: ${rows.x.length.toLocaleString("en")} distinct rows; baseline (1 logL pass, 1M rows) ${ms(baseline)}`);
  line("  compress 1M rows", compress, baseline);
  line(`  fit (${fit.iterations} iterations, converged ${fit.converged})`, fitTime, baseline);
  line("  compress + fit", compress + fitTime, baseline, target);
  const show = (values: Record<Name, number>) => model.paramNames.map((name) => `${name} ${values[name].toFixed(3)}`).join(", ");
  console.log(`  estimates ${show(fit.params)}\n  truth     ${show(truth)}`);
  return { fit, baseline };
}

const bgTruth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const bgData = simulate({ model: "bg-nbd", ...bgTruth }, 2005);
warmUp(bgData);
const { fit: bgFit, baseline: bgBaseline } = benchFit("BG/NBD", bgNbd, bgData, bgTruth, 1000);
const pTruth = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const pData = simulate({ model: "pareto-nbd", ...pTruth }, 1987);
const { fit: pFit, baseline: pBaseline } = benchFit("Pareto/NBD", paretoNbd, pData, pTruth, 5000);

// --- Scoring -----------------------------------------------------------------
const out = { probabilityAlive: new Float64Array(customers), expectedPurchases: new Float64Array(customers) };
const [, bgScore] = time(() => bgNbd.score(bgFit.params, bgData, 39, out));
const mbgParams = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const [, mbgScore] = time(() => mbgNbd.score(mbgParams, bgData, 39, out));
const [, pScore] = time(() => paretoNbd.score(pFit.params, pData, 39, out));
console.log(`\nScoring 1M customers (P(alive) + expected purchases in the next 39 weeks)`);
line("  BG/NBD", bgScore, bgBaseline, 1500);
line("  MBG/NBD", mbgScore, bgBaseline, 1500);
line("  Pareto/NBD (ratio to the Pareto baseline)", pScore, pBaseline, 1500);
// Other work on the machine slows every figure alike; the ratios are what compare across runs.
console.log(`\nrss ${mb()}; load average ${loadavg().map((v) => v.toFixed(1)).join(" ")} on ${cpus().length} cores`);
