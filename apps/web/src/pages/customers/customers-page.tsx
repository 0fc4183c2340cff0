import { useEffect, useId, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { apiUrl } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { useSession } from "../../app/session.tsx";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { CustomersTable } from "./customers-table.tsx";
import { customersMessages } from "./customers-messages.ts";
import { effectiveSort, filterKeys, filtersOf, nameSorts, sorts, type CustomerList, type CustomerMetrics, type Filters } from "./customer-types.ts";
import { SavedViews } from "./saved-views.tsx";

const pageSize = 50;

/** Customers: server-side search, filters, sort and keyset paging; value columns; saved views; CSV export. */
export default function CustomersPage() {
  const { t } = useMessages(customersMessages);
  const common = useMessages(commonMessages);
  const format = useFormat();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  // Cursors of the pages before this one (Previous pops), reset when the filters change.
  const [cursors, setCursors] = useState<string[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    setCursors([]);
    setCursor(undefined);
  }, [filterKey]);

  const query = useMemo(() => ({ ...filters, sort: effectiveSort(filters) }), [filters]);
  const list = useApi<CustomerList>("/api/customers", { ...query, cursor, limit: pageSize });
  const ids = list.data?.items.map((c) => c.id).join(",") ?? "";
  const metrics = useApi<{ currency: string; items: CustomerMetrics[] }>(ids ? "/api/customers/metrics" : null, { ids });
  const metricsById = useMemo(() => new Map((metrics.data?.items ?? []).map((m) => [m.customer_id, m])), [metrics.data]);

  const apply = (next: Filters) => {
    const search = new URLSearchParams();
    for (const key of filterKeys) if (next[key]) search.set(key, next[key] as string);
    setParams(search);
  };

  const from = cursors.length * pageSize + 1;
  const rows = list.data?.items ?? [];
  const filtered = filterKeys.some((key) => key !== "sort" && filters[key]);
  return (
    <>
      <h1>{t("title")}</h1>
      <FilterForm filters={filters} canSearch={session.can("personal_data.read")} onApply={apply} />
      <SavedViews filters={filters} onApply={apply} />
      <div className="toolbar">
        <p className="muted small" aria-live="polite">
          {list.data ? t("total", { count: format.number(list.data.total) }) : ""} · {t("masked")}
        </p>
        <a className="button" href={apiUrl("/api/customers/export.csv", query)} download title={t("exportHint")}>
          {t("export")}
        </a>
      </div>
      {list.error !== null && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && rows.length === 0 && (filtered ? <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState> : <EmptyState title={t("emptyWorkspace.title")}>{t("emptyWorkspace.body")}</EmptyState>)}
      {rows.length > 0 && (
        <>
          <CustomersTable rows={rows} metrics={metricsById} currency={metrics.data?.currency ?? "USD"} />
          <nav className="pager" aria-label={t("title")}>
            <span>{common.t("table.page", { from: format.number(from), to: format.number(from + rows.length - 1), total: format.number(list.data?.total ?? 0) })}</span>
            <button
              type="button"
              className="button"
              disabled={cursors.length === 0}
              onClick={() => {
                setCursor(cursors.at(-1) || undefined);
                setCursors(cursors.slice(0, -1));
              }}
            >
              {common.t("table.previous")}
            </button>
            <button
              type="button"
              className="button"
              disabled={!list.data?.next_cursor}
              onClick={() => {
                setCursors([...cursors, cursor ?? ""]);
                setCursor(list.data?.next_cursor ?? undefined);
              }}
            >
              {common.t("table.next")}
            </button>
          </nav>
        </>
      )}
    </>
  );
}

function FilterForm({ filters, canSearch, onApply }: { filters: Filters; canSearch: boolean; onApply: (filters: Filters) => void }) {
  const { t } = useMessages(customersMessages);
  const [draft, setDraft] = useState<Filters>(filters);
  useEffect(() => setDraft(filters), [filters]);
  const id = useId();
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  return (
    <form
      className="toolbar"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ...draft, country: draft.country?.trim().toUpperCase() });
      }}
    >
      {canSearch && (
        <div className="field">
          <label htmlFor={`${id}-q`}>{t("search")}</label>
          <input id={`${id}-q`} type="search" value={draft.q ?? ""} onChange={set("q")} placeholder={t("searchHint")} aria-describedby={`${id}-q-hint`} size={28} />
          <span id={`${id}-q-hint`} className="visually-hidden">
            {t("searchHint")}
          </span>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-type`}>{t("type")}</label>
        <select id={`${id}-type`} value={draft.type ?? ""} onChange={set("type")}>
          <option value="">{t("anyType")}</option>
          <option value="person">{t("person")}</option>
          <option value="organization">{t("organization")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-country`}>{t("country")}</label>
        <input id={`${id}-country`} value={draft.country ?? ""} onChange={set("country")} placeholder={t("countryHint")} maxLength={2} size={4} pattern="[A-Za-z]{2}" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>{t("sort")}</label>
        <select
          id={`${id}-sort`}
          value={effectiveSort(draft)}
          onChange={set("sort")}
          aria-describedby={draft.type === "organization" ? undefined : `${id}-sort-hint`}
        >
          {sorts
            .filter((s) => draft.type === "organization" || !nameSorts.includes(s))
            .map((s) => (
              <option key={s} value={s}>
                {t(`sorts.${s}`)}
              </option>
            ))}
        </select>
        {draft.type !== "organization" && (
          <span id={`${id}-sort-hint`} className="muted small">
            {t("nameSortHint")}
          </span>
        )}
      </div>
      <button type="submit" className="button button-primary">
        {t("apply")}
      </button>
      <button type="button" className="button" onClick={() => onApply({})}>
        {t("clear")}
      </button>
    </form>
  );
}
