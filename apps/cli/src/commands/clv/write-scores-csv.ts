import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import type { ClvData } from "./clv-data.ts";
import type { ClvScores } from "./score-clv.ts";

const BATCH_ROWS = 8192;

/**
 * Stream one CSV row per customer (customer_id, frequency, recency, T,
 * monetary, p_alive, expected_purchases, expected_spend, clv, plus weight for
 * weighted summary rows) to a temporary file beside `out`, renamed into place
 * when complete, so an existing file is never left half-written.
 */
export async function writeScoresCsv(out: string, data: ClvData, scores: ClvScores): Promise<number> {
  const temporary = `${out}.${process.pid}.partial`;
  const stream = createWriteStream(temporary);
  const failed = once(stream, "error").then(([error]) => Promise.reject(error instanceof Error ? error : new Error(String(error))));
  failed.catch(() => undefined);
  try {
    const header = ["customer_id", "frequency", "recency", "T", "monetary", "p_alive", "expected_purchases", "expected_spend", "clv"];
    if (data.weight) header.push("weight");
    let chunk = `${header.join(",")}\n`;
    const n = data.frequency.length;
    for (let i = 0; i < n; i++) {
      const cells = [
        csvCell(String(data.customerIds[i] ?? "")),
        String(data.frequency[i]),
        round(data.recency[i]!),
        round(data.T[i]!),
        data.monetary ? round(data.monetary[i]!) : "",
        round(scores.probabilityAlive[i]!),
        round(scores.expectedPurchases[i]!),
        scores.expectedSpend ? round(scores.expectedSpend[i]!) : "",
        round(scores.clv[i]!),
      ];
      if (data.weight) cells.push(String(data.weight[i]));
      chunk += `${cells.join(",")}\n`;
      if ((i + 1) % BATCH_ROWS === 0) {
        if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), failed]);
        chunk = "";
      }
    }
    stream.end(chunk);
    await Promise.race([once(stream, "finish"), failed]);
    await rename(temporary, out);
    return n;
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Six decimals, no trailing zeros; empty for a value that could not be computed. */
function round(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : "";
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
