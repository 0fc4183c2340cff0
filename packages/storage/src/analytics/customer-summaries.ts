import type { CustomerSummaryColumns, ReadSummariesOptions } from "@tenure/domain";
import type { SqlSession } from "../database/sql-session.ts";

const DAY_MS = 86_400_000;
/** Rows per FETCH: bounds the row objects alive at once, whatever the customer count. */
const FETCH_ROWS = 20_000;

/**
 * The period number of an instant, as summarizeTransactions (@tenure/analytics)
 * defines it: UTC days since 1970-01-01, or Monday-to-Sunday UTC weeks since
 * Monday 1969-12-29 (day 0 was a Thursday: floor((day + 3) / 7)).
 */
function periodOf(time: Date, unit: ReadSummariesOptions["unit"]): number {
  const day = Math.floor(time.getTime() / DAY_MS);
  return unit === "day" ? day : Math.floor((day + 3) / 7);
}

/** First instant after period `period`. */
function periodEndExclusive(period: number, unit: ReadSummariesOptions["unit"]): Date {
  return new Date((unit === "day" ? period + 1 : (period + 1) * 7 - 3) * DAY_MS);
}

/**
 * One GROUP BY over orders: completed orders of value > 0 with a customer, up
 * to the end of the observation period, walked per customer in time order
 * (a window, streaming on the orders_customer index order): a row starts a
 * new purchase period when its period differs from the previous row's, so
 * the orders of one period (UTC day or week) merge into one purchase, and
 * monetary = the value of the periods after the first over their count.
 * This avoids a second aggregate over (customer, period), which at 10M
 * orders made PostgreSQL hash ~10M groups.
 */
function summarySql(unit: ReadSummariesOptions["unit"]): string {
  const day = `((o.ordered_at at time zone 'UTC')::date - date '1970-01-01')`;
  const period = unit === "day" ? day : `floor((${day} + 3) / 7.0)::integer`;
  return `
    select customer_id,
           (count(*) filter (where new_period) - 1)::float8 as frequency,
           (max(period) - min(period))::float8 as recency,
           ($3::integer - min(period))::float8 as age,
           coalesce(sum(total) filter (where period > first_period) / nullif(count(*) filter (where new_period) - 1, 0), 0)::float8 as monetary
      from (select customer_id, total, period,
                   period is distinct from lag(period) over w as new_period,
                   first_value(period) over w as first_period
              from (select o.customer_id, o.total, o.ordered_at, ${period} as period
                      from orders o
                     where o.workspace_id = $1 and o.customer_id is not null and o.status = 'completed'
                       and o.total > 0 and o.ordered_at < $2) purchases
            window w as (partition by customer_id order by ordered_at)) walked
     group by customer_id`;
}

interface SummaryRow {
  customer_id: string;
  frequency: number;
  recency: number;
  age: number;
  monetary: number;
}

/**
 * Read the summaries of one workspace through a cursor, FETCH_ROWS at a time,
 * into growing typed arrays: memory is the columns plus one batch, never a
 * row object per customer. `session` must be in a transaction (a cursor
 * lives in one).
 */
export async function readCustomerSummaries(session: SqlSession, workspaceId: string, options: ReadSummariesOptions): Promise<CustomerSummaryColumns> {
  const endPeriod = periodOf(options.observationEnd, options.unit);
  // Every row will be read: plan for the whole result, not for a fast first batch.
  await session.query("set local cursor_tuple_fraction = 1");
  await session.query(`declare customer_summaries no scroll cursor for ${summarySql(options.unit)}`, [
    workspaceId,
    periodEndExclusive(endPeriod, options.unit).toISOString(),
    endPeriod,
  ]);
  const columns = new SummaryColumnsBuilder();
  for (;;) {
    const rows = await session.query<SummaryRow>(`fetch ${FETCH_ROWS} from customer_summaries`);
    for (const row of rows) columns.push(row);
    if (rows.length < FETCH_ROWS) break;
  }
  await session.query("close customer_summaries");
  return columns.finish();
}

/** Typed columns that double their capacity as rows arrive. */
class SummaryColumnsBuilder {
  #size = 0;
  #ids: string[] = [];
  #frequency = new Float64Array(1024);
  #recency = new Float64Array(1024);
  #age = new Float64Array(1024);
  #monetary = new Float64Array(1024);

  push(row: SummaryRow): void {
    if (this.#size === this.#frequency.length) this.#grow();
    const i = this.#size++;
    this.#ids.push(row.customer_id);
    this.#frequency[i] = row.frequency;
    this.#recency[i] = row.recency;
    this.#age[i] = row.age;
    this.#monetary[i] = row.monetary;
  }

  finish(): CustomerSummaryColumns {
    const n = this.#size;
    return {
      customerIds: this.#ids,
      frequency: this.#frequency.slice(0, n),
      recency: this.#recency.slice(0, n),
      age: this.#age.slice(0, n),
      monetary: this.#monetary.slice(0, n),
    };
  }

  #grow(): void {
    const grow = (column: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const bigger = new Float64Array(column.length * 2);
      bigger.set(column);
      return bigger;
    };
    this.#frequency = grow(this.#frequency);
    this.#recency = grow(this.#recency);
    this.#age = grow(this.#age);
    this.#monetary = grow(this.#monetary);
  }
}
