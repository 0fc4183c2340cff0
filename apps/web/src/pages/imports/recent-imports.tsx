import type { ImportRunJson } from "@tenure/api-schemas";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import type { ApiState } from "../../api/use-api.ts";
import { useFormat } from "../../i18n/format.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { importsMessages } from "./imports-messages.ts";
import { ColumnHeaders } from "../../components/column-headers.tsx";

type Entity = keyof (typeof importsMessages.bundles.en)["entities"];

/** The imports this server has run in the workspace, newest first. */
export function RecentImports({ state }: { state: ApiState<{ items: ImportRunJson[] }> }) {
  const { t } = useMessages(importsMessages);
  const format = useFormat();
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Loading />;
  if (state.data.items.length === 0) return <EmptyState title={t("recent.empty")} />;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("recent.caption")}</caption>
        <ColumnHeaders columns={[{ label: t("recent.file") }, { label: t("recent.kind") }, { label: t("recent.status") }, { label: t("recent.started") }, { label: t("recent.rows"), numeric: true }, { label: t("recent.rejected"), numeric: true }]} />
        <tbody>
          {state.data.items.map((run) => (
            <tr key={run.id}>
              <td>{run.file_name ?? t("recent.unnamed")}</td>
              <td>{t(`entities.${(run.preset ?? run.entity ?? "customers") as Entity}`)}</td>
              <td>
                {t(`recent.statuses.${run.status}`)}
                {run.dry_run ? ` (${t("recent.dry")})` : ""}
              </td>
              <td>{format.dateTime(run.started_at)}</td>
              <td className="num">{format.number(run.rows_read)}</td>
              <td className="num">
                {run.rejected > 0 ? (
                  <a href={`/api/imports/${encodeURIComponent(run.id)}/errors.csv`} download>
                    {format.number(run.rejected)}
                  </a>
                ) : (
                  format.number(run.rejected)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
