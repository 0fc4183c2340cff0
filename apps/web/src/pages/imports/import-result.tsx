import type { ImportRunJson } from "@tenure/api-schemas";
import { useFormat } from "../../i18n/format.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { importsMessages } from "./imports-messages.ts";
import { ColumnHeaders } from "../../components/column-headers.tsx";

type Entity = keyof (typeof importsMessages.bundles.en)["entities"];

/** Progress while the import runs; when it has finished, its counts, the rejected rows to download, or why it failed. */
export function ImportResult({ run }: { run: ImportRunJson }) {
  const { t } = useMessages(importsMessages);
  const format = useFormat();
  const rows = format.number(run.rows_read);
  const rejected = format.number(run.rejected);
  if (run.status === "running") {
    return (
      <div className="import-progress" role="status" aria-live="polite">
        <label>
          {t("progress.importing", { rows, rejected })}
          <progress max={run.bytes_total} value={run.bytes_read} aria-label={t("progress.label")} />
        </label>
      </div>
    );
  }
  if (run.status === "failed") {
    return (
      <div className="error-message" role="alert">
        <p>{t("result.failed", { message: run.error?.message ?? "" })}</p>
      </div>
    );
  }
  return (
    <div className="import-result" role="status" aria-live="polite">
      <p>{t(run.dry_run ? "result.dryRun" : "result.succeeded", { rows, rejected })}</p>
      <table>
        <caption>{t("result.caption")}</caption>
        <ColumnHeaders columns={[{ label: t("result.entity") }, { label: t("result.inserted"), numeric: true, title: t("result.insertedHelp") }, { label: t("result.updated"), numeric: true, title: t("result.updatedHelp") }, { label: t("result.unchanged"), numeric: true, title: t("result.unchangedHelp") }]} />
        <tbody>
          {run.counts.map((c) => (
            <tr key={c.entity}>
              <th scope="row">{t(`entities.${c.entity as Entity}`)}</th>
              <td className="num">{format.number(c.inserted)}</td>
              <td className="num">{format.number(c.updated)}</td>
              <td className="num">{format.number(c.unchanged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {t("result.insertedHelp")} · {t("result.updatedHelp")} · {t("result.unchangedHelp")}
      </p>
      {run.rejected > 0 ? (
        <p>
          <a className="button" href={`/api/imports/${encodeURIComponent(run.id)}/errors.csv`} download>
            {t("result.download", { count: rejected })}
          </a>
          <br />
          <span className="muted">{t("result.downloadHelp")}</span>
        </p>
      ) : (
        <p>{t("result.noRejected")}</p>
      )}
      {run.ignored_columns.length > 0 && <p>{t("result.ignored", { columns: run.ignored_columns.join(", ") })}</p>}
      {run.refit && <p>{t(`result.refit.${run.refit}`)}</p>}
    </div>
  );
}
