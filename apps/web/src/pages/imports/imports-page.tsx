import type { ImportPreviewJson, ImportRunJson } from "@tenure/api-schemas";
import { useEffect, useId, useMemo, useState, type FormEvent } from "react";
import { isApiError } from "../../api/api-error.ts";
import { api, type Query } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat, type Format } from "../../i18n/format.ts";
import "./imports.css";
import { importsMessages } from "./imports-messages.ts";
import { ImportResult } from "./import-result.tsx";
import { isCompressed, previewFile, uploadFile } from "./file-upload.ts";
import { MappingTable, SampleRows } from "./mapping-table.tsx";
import { RecentImports } from "./recent-imports.tsx";

const kinds = ["customers", "contacts", "products", "orders", "order-lines", "payments", "events", "online-retail"] as const;
type Kind = (typeof kinds)[number];
const pollMs = 500;

/** Imports: choose what the rows are and a file, check the column mapping on its first rows, import it and follow the run. */
export default function ImportsPage() {
  const { t } = useMessages(importsMessages);
  const format = useFormat();
  const ids = { kind: useId(), file: useId(), zone: useId(), zoneHelp: useId(), fileHelp: useId() };
  const [kind, setKind] = useState<Kind>("customers");
  const [file, setFile] = useState<File | null>(null);
  const [timeZone, setTimeZone] = useState("");
  const [dryRun, setDryRun] = useState(false);
  const [map, setMap] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<{ data: ImportPreviewJson | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: false });
  const [sent, setSent] = useState<number | null>(null);
  const [run, setRun] = useState<ImportRunJson | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const recent = useApi<{ items: ImportRunJson[] }>("/api/imports");

  // What the preview depends on; the import adds its own options.
  const previewQuery = useMemo<Query>(
    () => ({ ...(kind === "online-retail" ? { preset: kind } : { entity: kind }), map: Object.keys(map).length > 0 ? JSON.stringify(map) : undefined }),
    [kind, map],
  );
  const query: Query = { ...previewQuery, timezone: timeZone.trim() || undefined, dry_run: dryRun ? "true" : undefined, file_name: file?.name };

  // Preview the start of the file whenever the file, the kind or the mapping changes.
  useEffect(() => {
    if (!file || isCompressed(file)) {
      setPreview({ data: null, error: null, loading: false });
      return;
    }
    let current = true;
    setPreview((p) => ({ ...p, error: null, loading: true }));
    previewFile(file, previewQuery).then(
      (data) => current && setPreview({ data, error: null, loading: false }),
      (error: unknown) => current && setPreview({ data: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [file, previewQuery]);

  // Follow a running import until it has finished.
  useEffect(() => {
    if (!run || run.status !== "running") return;
    const timer = setTimeout(() => {
      api<ImportRunJson>(`/api/imports/${encodeURIComponent(run.id)}`).then(setRun, setStartError);
    }, pollMs);
    return () => clearTimeout(timer);
  }, [run]);

  const finished = run !== null && run.status !== "running";
  const { reload } = recent;
  useEffect(() => {
    if (finished) reload();
  }, [finished, reload]);

  function chooseFile(next: File | null) {
    setFile(next);
    setMap({});
    setRun(null);
    setSent(null);
    setStartError(null);
  }

  function remap(column: string, target: string | null) {
    setMap((previous) => {
      const next = { ...previous };
      if (target === null) delete next[column];
      else next[column] = target;
      return next;
    });
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setStartError(null);
    setRun(null);
    setSent(0);
    try {
      setRun(await uploadFile(file, query, setSent));
    } catch (error) {
      setStartError(error);
    } finally {
      setSent(null);
    }
  }

  const busy = sent !== null || run?.status === "running";
  const blocked = preview.loading || (preview.data?.problems.length ?? 0) > 0 || preview.error !== null;
  return (
    <div className="page imports-page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>

      <form onSubmit={start} className="import-form">
        <fieldset disabled={busy}>
          <legend>{t("form.legend")}</legend>
          <div className="field">
            <label htmlFor={ids.kind}>{t("form.entity")}</label>
            <select id={ids.kind} value={kind} onChange={(e) => (setKind(e.target.value as Kind), setMap({}))}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`entities.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.file}>{t("form.file")}</label>
            <input id={ids.file} type="file" accept=".csv,.tsv,.txt,.gz,text/csv,text/tab-separated-values" aria-describedby={ids.fileHelp} onChange={(e) => chooseFile(e.target.files?.[0] ?? null)} />
            <p id={ids.fileHelp} className="muted small">
              {t("form.fileHelp")}
            </p>
          </div>
          <div className="field">
            <label htmlFor={ids.zone}>{t("form.timezone")}</label>
            <input id={ids.zone} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} placeholder="UTC" aria-describedby={ids.zoneHelp} autoComplete="off" />
            <p id={ids.zoneHelp} className="muted small">
              {t("form.timezoneHelp")}
            </p>
          </div>
          <div className="field">
            <label>
              <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} /> {t("form.dryRun")}
            </label>
          </div>
        </fieldset>

        {file && (
          <section aria-labelledby="import-columns">
            <h2 id="import-columns">{t("preview.title")}</h2>
            {isCompressed(file) && <p className="muted small">{t("preview.compressed")}</p>}
            {preview.loading && !preview.data && <Loading label={t("preview.loading")} />}
            {preview.error !== null && <ErrorMessage error={preview.error} />}
            {preview.data && (
              <>
                {preview.data.problems.length > 0 ? (
                  <div className="error-message" role="alert">
                    <p>{t("preview.problems")}</p>
                    <ul>
                      {preview.data.problems.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  </div>
                ) : (
                  <p className="panel">{t("preview.ready")}</p>
                )}
                <MappingTable preview={preview.data} map={map} onChange={remap} />
                <SampleRows preview={preview.data} />
              </>
            )}
            <p>
              <button type="submit" className="button button-primary" disabled={busy || blocked}>
                {t(dryRun ? "startDry" : "start", { name: file.name, size: bytes(format, file.size) })}
              </button>
            </p>
          </section>
        )}
      </form>

      {sent !== null && file && (
        <div className="import-progress" role="status" aria-live="polite">
          <label>
            {t("progress.uploading", { sent: bytes(format, sent), total: bytes(format, file.size) })}
            <progress max={file.size} value={sent} />
          </label>
        </div>
      )}
      {startError !== null && <StartError error={startError} />}
      {run && <ImportResult run={run} />}

      <section aria-labelledby="recent-imports">
        <h2 id="recent-imports">{t("recent.title")}</h2>
        <RecentImports state={recent} />
      </section>
    </div>
  );
}

function StartError({ error }: { error: unknown }) {
  const { t } = useMessages(importsMessages);
  if (isApiError(error) && error.status === 413) {
    return (
      <div className="error-message" role="alert">
        <p>{t("tooLarge", { detail: error.problem?.detail ?? "" })}</p>
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}

function bytes(format: Format, value: number): string {
  const [amount, unit] = value >= 1024 * 1024 ? [value / 1024 / 1024, "megabyte"] : value >= 1024 ? [value / 1024, "kilobyte"] : [value, "byte"];
  return new Intl.NumberFormat(format.locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: amount < 10 ? 1 : 0 }).format(amount);
}
