import { Command } from "commander";
import { loadDemoWorkspace } from "@tenure/app";
import { invalidInput } from "@tenure/shared";
import type { CliContext } from "../cli-context.ts";

/** `tenure demo`: load the demo workspace; refuses if it already exists. */
export function demoCommand(context: CliContext): Command {
  return new Command("demo")
    .description('load the demo workspace "Demo Co" (5,000 customers, two years of orders); refuses if it already exists')
    .option("--customers <n>", "number of customers (smaller is faster)", "5000")
    .option("--seed <n>", "random seed: the same seed gives the same data", "20261101")
    .action(async (options: { customers: string; seed: string }) => {
      const customers = wholeNumber("customers", options.customers, 1, 100_000);
      const seed = wholeNumber("seed", options.seed, 0, 2 ** 32 - 1);
      const started = performance.now();
      const loaded = await context.withDatabase(({ repositories }) => loadDemoWorkspace({ repositories }, { customers, seed }));
      const c = loaded.counts;
      context.io.stdout(
        `Loaded the demo workspace "${loaded.workspace.slug}" in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
          `${c.customers} customers, ${c.contacts} contacts, ${c.orders} orders, ${c.invoices} invoices, ${c.contracts} contracts, ${c.events} events.`,
      );
      context.io.stdout("Create an API token for it with: npx tenure token create --name me --workspace demo");
    });
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw invalidInput(option, `--${option} must be a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}
