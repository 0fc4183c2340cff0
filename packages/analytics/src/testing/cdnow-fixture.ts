import { readCsvColumns } from "./read-fixture.ts";

/** The CDNOW 2,357-customer calibration summary (see test-fixtures/README.md). */
export interface CdnowSummary {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Repeat transactions in the 39-week holdout (weeks 40–78). */
  xStar: Float64Array;
}

/** Test support only: BTYD_cdnowSummary_cbs.csv as typed columns. */
export function loadCdnowSummary(): CdnowSummary {
  const columns = readCsvColumns("BTYD_cdnowSummary_cbs.csv");
  const column = (name: string): Float64Array => Float64Array.from(columns[name] ?? []);
  return { x: column("x"), tx: column("t.x"), T: column("T.cal"), xStar: column("x.star") };
}
