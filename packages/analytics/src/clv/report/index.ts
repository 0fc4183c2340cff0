export * from "./calibration-holdout-by-frequency.ts";
export * from "./frequency-recency-matrix.ts";
export * from "./repeat-purchase-totals.ts";
export * from "./repeat-purchase-tracking.ts";
export * from "./retention-by-period.ts";
