import type { FrequencyRecencyMatrix } from "@tenure/analytics";
import type { ClvReport, ReportCustomer } from "../build-clv-report.ts";
import { clvModelTitles, num } from "../format-fit.ts";
import { escapeHtml } from "./escape-html.ts";
import { svgBarChart } from "./svg-bar-chart.ts";
import { svgHeatMap } from "./svg-heat-map.ts";
import { svgLineChart } from "./svg-line-chart.ts";

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1000px;padding:0 1rem;color:#1f2933}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d9e2ec;padding-bottom:.2rem}
.meta{color:#52606d}table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.25rem .7rem;text-align:right;border-bottom:1px solid #e4e7eb}
th:first-child,td:first-child{text-align:left}.warn{background:#fff3c4;padding:.5rem .8rem;border-left:4px solid #f0b429}
.note{color:#52606d;font-style:italic}svg{max-width:100%;height:auto;display:block;margin:.8rem 0}
svg .title{font-weight:600;font-size:14px}svg .tick{font-size:11px;fill:#52606d}svg .axis-title{font-size:12px;fill:#3e4c59}
svg .grid{stroke:#e4e7eb}svg .axis{stroke:#9aa5b1}svg .marker{stroke:#9aa5b1;stroke-dasharray:4 3}
svg .line{fill:none;stroke-width:2}svg .line.actual{stroke:#1f2933}svg .line.predicted{stroke:#d64545;stroke-dasharray:6 4}
svg .bar.actual,svg .swatch.actual{fill:#3e4c59}svg .bar.predicted,svg .swatch.predicted{fill:#e66a6a}
.charts{display:grid;grid-template-columns:1fr;gap:.5rem}`;

/**
 * The report as one self-contained HTML page: inline CSS and SVG only, no
 * script, no external request, so it opens offline and can be mailed.
 */
export function renderClvReport(report: ClvReport): string {
  const purchaseFit = report.fits[0]!;
  const title = `Customer value: ${clvModelTitles[purchaseFit.model]}${report.fits.length > 1 ? " + Gamma-Gamma" : ""}`;
  const body: string[] = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(report.file)} · ${report.input} input · horizon ${report.horizon} ${escapeHtml(report.unitLabel)} · discount rate ${report.discountRate} per period · margin ${report.margin}</p>`,
  ];
  for (const fit of report.fits) for (const w of fit.warnings) body.push(`<p class="warn">${escapeHtml(`${clvModelTitles[fit.model]}: ${w}`)}</p>`);

  body.push("<h2>Fit</h2>");
  for (const fit of report.fits) {
    body.push(`<h3>${escapeHtml(clvModelTitles[fit.model])}</h3>`);
    const rows = Object.keys(fit.params).map((name) => [name, num(fit.params[name]!), num(fit.standardErrors[name] ?? Number.NaN)]);
    body.push(table(["parameter", "estimate", "standard error"], rows));
    body.push(table(["", ""], [
      ["log-likelihood", num(fit.logLikelihood)],
      ["customers", num(fit.customers)],
      ["distinct rows", num(fit.rows)],
      ["converged", fit.converged ? "yes" : "no"],
    ]));
  }
  if (report.diagnostics.length > 0) {
    body.push(table(["check", "actual", "predicted"], report.diagnostics.map((d) => [d.label, num(d.actual), num(d.predicted)])));
  }

  body.push("<h2>Diagnostics</h2>", '<div class="charts">');
  if (report.calibrationHoldout) {
    const rows = report.calibrationHoldout.rows;
    body.push(svgBarChart({
      title: `Calibration vs holdout: mean purchases in the ${report.calibrationHoldout.length}-${report.unitLabel.replace(/s$/, "")} holdout`,
      xTitle: "repeat purchases in the calibration period",
      yTitle: "mean holdout purchases",
      groups: rows.map((r) => (r.pooled ? `${r.frequency}+` : String(r.frequency))),
      series: [
        { name: "actual", className: "actual", values: rows.map((r) => r.actual) },
        { name: "predicted", className: "predicted", values: rows.map((r) => r.predicted) },
      ],
    }));
  }
  if (report.tracking && report.tracking.period.length > 1) {
    const t = report.tracking;
    const stepUnit = report.unitLabel === "days" ? "weeks" : report.unitLabel;
    const scale = report.unitLabel === "days" ? 7 : 1;
    const calibrationX = t.calibrationEndIndex >= 0 ? t.period[t.calibrationEndIndex]! / scale : undefined;
    body.push(svgLineChart({
      title: "Tracking: cumulative repeat purchases",
      xTitle: `${stepUnit} since the first purchase of the cohort`,
      yTitle: "cumulative repeat purchases",
      x: t.period.map((p) => p / scale),
      series: [
        { name: "actual", className: "actual", y: t.actual },
        { name: "predicted", className: "predicted", y: t.predicted },
      ],
      ...(calibrationX === undefined ? {} : { marker: { x: calibrationX, label: "calibration end" } }),
    }));
  }
  body.push(heatMap(report.expectedPurchasesMatrix, `Expected purchases in the next ${report.horizon} ${report.unitLabel}`, report.unitLabel, (v) => v.toFixed(2)));
  body.push(heatMap(report.aliveMatrix, "Probability alive", report.unitLabel, (v) => `${(v * 100).toFixed(1)}%`));
  body.push("</div>");
  for (const note of report.notes) body.push(`<p class="note">${escapeHtml(note)}</p>`);

  body.push(`<h2>Top ${report.top.length} customers by CLV</h2>`, customerTable(report.top));
  body.push(`<h2>Bottom ${report.bottom.length} customers by CLV</h2>`, customerTable(report.bottom));

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body.join("\n")}
</body></html>
`;
}

function heatMap(matrix: FrequencyRecencyMatrix, title: string, unitLabel: string, format: (v: number) => string): string {
  return svgHeatMap({
    title: `${title} (customers of age ${num(matrix.T)} ${unitLabel})`,
    rowTitle: "frequency",
    columnTitle: "recency",
    rowLabels: matrix.frequencies.map(String),
    columnLabels: matrix.recencies.map((r) => num(r)),
    values: matrix.values,
    format,
  });
}

function customerTable(customers: readonly ReportCustomer[]): string {
  return table(
    ["customer", "frequency", "recency", "T", "monetary", "P(alive)", "expected purchases", "CLV"],
    customers.map((c) => [
      c.id,
      num(c.frequency),
      num(c.recency),
      num(c.T),
      c.monetary === null ? "" : num(c.monetary),
      `${(c.probabilityAlive * 100).toFixed(1)}%`,
      num(c.expectedPurchases),
      num(c.clv),
    ]),
  );
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `<tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr>`;
  const bodyRows = rows.map((r) => `<tr>${r.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`).join("");
  return `<table>${head}${bodyRows}</table>`;
}
