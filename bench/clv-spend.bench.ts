/**
 * Spend-side CLV benchmark: a Gamma-Gamma fit on 1M simulated repeat buyers
 * and summarising 10M transactions, each printed with its ratio to a
 * baseline measured in the same run. Run: node --import tsx bench/clv-spend.bench.ts
 */
import { fitModel } from "../packages/analytics/src/clv/fit-model.ts";
import { fitGammaGamma, gammaGammaModel } from "../packages/analytics/src/clv/gamma-gamma.ts";
import { periodOf, summarizeTransactions } from "../packages/analytics/src/clv/summarize-transactions.ts";
import { createRandom } from "../packages/analytics/src/testing/random.ts";

const time = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
};
const ms = (value: number): string => `${value.toFixed(0)} ms`;

// --- Gamma-Gamma on 1M customers -------------------------------------------
const customers = 1_000_000;
const random = createRandom(42);
const frequency = new Float64Array(customers);
const monetary = new Float64Array(customers);
for (let i = 0; i < customers; i++) {
  const x = 1 + Math.floor(random.uniform() * 8);
  const nu = random.gamma(3.7, 1 / 15); // rate γ = 15
  let total = 0;
  for (let j = 0; j < x; j++) total += random.gamma(6, 1 / nu); // rate ν
  frequency[i] = x;
  // Prices in cents, as real data are.
  monetary[i] = Math.round((total / x) * 100) / 100 || 0.01;
}
const rows = { frequency, monetary };

// Baseline: one plain pass over the rows (Σ ln(γ + m̄x)), the unit of work of a direct evaluation.
const [, onePass] = time(() => {
  let sum = 0;
  for (let i = 0; i < customers; i++) sum += Math.log(15 + monetary[i]! * frequency[i]!);
  return sum;
});
fitGammaGamma(rows); // warm-up
const [fit, fitTime] = time(() => fitGammaGamma(rows));
const [direct, directTime] = time(() => fitModel(gammaGammaModel(rows, { expansion: false })));
console.log(`Gamma-Gamma, ${customers.toLocaleString("en")} customers`);
console.log(`  plain pass over the rows      ${ms(onePass)}`);
console.log(`  fit (subsample start + moment expansion) ${ms(fitTime)} = ${(fitTime / onePass).toFixed(1)} plain passes; target ≤ 500 ms`);
console.log(`  fit by direct summation from (1,1,1)     ${ms(directTime)} = ${(directTime / onePass).toFixed(1)} plain passes; speed-up ${(directTime / fitTime).toFixed(1)}×`);
console.log(`  estimates p=${fit.params.p.toFixed(4)} q=${fit.params.q.toFixed(4)} γ=${fit.params.gamma.toFixed(4)} (truth 6, 3.7, 15); direct: p=${direct.params.p.toFixed(4)} q=${direct.params.q.toFixed(4)} γ=${direct.params.gamma.toFixed(4)}`);
console.log(`  converged flag: ${fit.converged} (${fit.message}); direct: ${direct.converged}`);

// --- Summarising 10M transactions -------------------------------------------
const lines = 10_000_000;
const ids = new Float64Array(lines);
const times = new Float64Array(lines);
const values = new Float64Array(lines);
const start2023 = Date.UTC(2023, 0, 1);
const dayMs = 86_400_000;
for (let i = 0; i < lines; i++) {
  ids[i] = Math.floor(random.uniform() * customers);
  times[i] = start2023 + Math.floor(random.uniform() * 730 * dayMs);
  values[i] = Math.round(random.gamma(2, 20) * 100) / 100;
}
const columns = { customerIds: ids, times, values };
// Baseline: one plain pass over the lines computing each line's day.
const [, linePass] = time(() => {
  let sum = 0;
  for (let i = 0; i < lines; i++) if (values[i]! > 0) sum += periodOf(times[i]!, "day") + ids[i]!;
  return sum;
});
const [summary, summaryTime] = time(() => summarizeTransactions(columns, { unit: "day", calibrationEnd: Date.UTC(2024, 5, 30) }));
console.log(`Summaries, ${lines.toLocaleString("en")} transactions of ${summary.customerIds.length.toLocaleString("en")} customers (TS, day periods, calibration/holdout)`);
console.log(`  plain pass over the lines     ${ms(linePass)}`);
console.log(`  summarizeTransactions         ${ms(summaryTime)} = ${(summaryTime / linePass).toFixed(1)} plain passes; ${((lines / summaryTime) * 1000 / 1e6).toFixed(1)}M lines/s`);
