import type { SatisfactionJson } from "@tenure/api-schemas";
import { useState, type FormEvent } from "react";
import { useApi } from "../../api/use-api.ts";
import { LineChart } from "../../components/charts/line-chart.tsx";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { StatCard } from "../../components/stat-card.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat, type Format } from "../../i18n/format.ts";
import { FollowUpsPanel } from "./follow-ups-panel.tsx";
import { satisfactionMessages } from "./satisfaction-messages.ts";
import { ThemesPanel } from "./themes-panel.tsx";
import { ColumnHeaders } from "../../components/column-headers.tsx";

const segmentFields = ["country", "kind", "account_type", "industry", "size_band", "owner"] as const;
type SegmentField = (typeof segmentFields)[number];
interface Period {
  from: string;
  to: string;
}

const score = (format: Format, v: number | null, digits = 0) => (v === null ? "—" : format.number(v, digits));

/** Satisfaction: NPS, CSAT, CES and CSI for a period, by month and by segment; follow-ups; rising feedback themes. */
export default function SatisfactionPage() {
  const { t } = useMessages(satisfactionMessages);
  const format = useFormat();
  const [draft, setDraft] = useState<Period>({ from: "", to: "" });
  const [period, setPeriod] = useState<Period>({ from: "", to: "" });
  const [field, setField] = useState<SegmentField>("country");
  const [value, setValue] = useState("");
  const [segments, setSegments] = useState<string[]>([]);
  const query = { from: period.from || undefined, to: period.to || undefined };
  const all = useApi<SatisfactionJson>("/api/analytics/satisfaction", query);

  function apply(event: FormEvent) {
    event.preventDefault();
    setPeriod(draft);
  }

  function addSegment() {
    const segment = `${field}:${value.trim()}`;
    if (value.trim() !== "" && !segments.includes(segment)) setSegments([...segments, segment]);
    setValue("");
  }

  return (
    <div className="satisfaction-page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <form className="toolbar" onSubmit={apply} aria-label={t("period.legend")}>
        <div className="field">
          <label htmlFor="sat-from">{t("period.from")}</label>
          <input id="sat-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="sat-to">{t("period.to")}</label>
          <input id="sat-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit" className="button button-primary">
          {t("period.apply")}
        </button>
        <div className="field">
          <label htmlFor="sat-field">{t("period.segmentField")}</label>
          <select id="sat-field" value={field} onChange={(e) => setField(e.target.value as SegmentField)}>
            {segmentFields.map((f) => (
              <option key={f} value={f}>
                {t(`fields.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sat-value">{t("period.segmentValue")}</label>
          <input id="sat-value" value={value} onChange={(e) => setValue(e.target.value)} placeholder={field === "country" ? "GB" : ""} />
        </div>
        <button type="button" className="button" onClick={addSegment}>
          {t("period.add")}
        </button>
      </form>

      {all.error !== null ? (
        <ErrorMessage error={all.error} onRetry={all.reload} />
      ) : !all.data ? (
        <Loading />
      ) : all.data.responses === 0 ? (
        <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
      ) : (
        <Overview data={all.data} />
      )}

      <h2>{t("segments.title")}</h2>
      <p className="muted small">{t("segments.caption")}</p>
      <div className="table-wrap">
        <table>
          <ColumnHeaders
            columns={[
              { label: t("segments.segment") },
              ...(["nps", "csat", "ces", "csi"] as const).map((metric) => ({ label: t(`metrics.${metric}`), numeric: true })),
              { label: t("segments.responses"), numeric: true },
              { label: <span className="visually-hidden">{t("period.remove", { segment: "" })}</span> },
            ]}
          />
          <tbody>
            <SegmentRow label={t("period.all")} data={all.data} />
            {segments.map((segment) => (
              <SegmentQueryRow key={segment} segment={segment} period={period} onRemove={() => setSegments(segments.filter((s) => s !== segment))} />
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("followUps.title")}</h2>
      <FollowUpsPanel />
      <h2>{t("themes.title")}</h2>
      <ThemesPanel />
    </div>
  );
}

function Overview({ data }: { data: SatisfactionJson }) {
  const { t } = useMessages(satisfactionMessages);
  const format = useFormat();
  const months = data.series.map((m) => m.month);
  return (
    <>
      <div className="grid">
        <StatCard
          label={t("metrics.nps")}
          value={score(format, data.nps.value)}
          explanation={t("metrics.npsHow", {
            moe: score(format, data.nps.margin_of_error, 1),
            promoters: format.number(data.nps.promoters),
            passives: format.number(data.nps.passives),
            detractors: format.number(data.nps.detractors),
          })}
        />
        <StatCard label={t("metrics.csat")} value={data.csat.value === null ? "—" : `${score(format, data.csat.value, 1)} %`} explanation={t("metrics.csatHow", { n: format.number(data.csat.responses) })} />
        <StatCard label={t("metrics.ces")} value={score(format, data.ces.value, 2)} explanation={t("metrics.cesHow", { n: format.number(data.ces.responses) })} />
        <StatCard label={t("metrics.csi")} value={score(format, data.csi.value, 1)} explanation={t("metrics.csiHow", { weighting: t(`metrics.weighting.${data.csi.weighting}`), n: format.number(data.csi.responses) })} />
        <StatCard
          label={t("metrics.responses")}
          value={format.number(data.responses)}
          explanation={t("metrics.responsesHow", { invitations: format.number(data.invitations_sent), rate: data.response_rate === null ? "—" : format.percent(data.response_rate) })}
        />
      </div>
      <div className="grid-wide">
        <LineChart
          title={t("trend.title")}
          description={t("trend.how")}
          labels={months}
          series={[
            { name: t("metrics.nps"), values: data.series.map((m) => m.nps) },
            { name: t("metrics.csat"), values: data.series.map((m) => m.csat) },
            { name: t("metrics.csi"), values: data.series.map((m) => m.csi) },
            { name: `${t("metrics.ces")} ×10`, values: data.series.map((m) => (m.ces === null ? null : m.ces * 10)), dashed: true },
          ]}
          format={(v) => format.number(v)}
          minY={Math.min(0, ...data.series.map((m) => m.nps ?? 0))}
        />
      </div>
    </>
  );
}

function SegmentRow({ label, data, onRemove }: { label: string; data: SatisfactionJson | null; onRemove?: () => void }) {
  const { t } = useMessages(satisfactionMessages);
  const format = useFormat();
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num" title={data?.nps.margin_of_error == null ? undefined : `± ${format.number(data.nps.margin_of_error, 1)}`}>
        {score(format, data?.nps.value ?? null)}
      </td>
      <td className="num">{score(format, data?.csat.value ?? null, 1)}</td>
      <td className="num">{score(format, data?.ces.value ?? null, 2)}</td>
      <td className="num">{score(format, data?.csi.value ?? null, 1)}</td>
      <td className="num">{data ? format.number(data.responses) : "—"}</td>
      <td>
        {onRemove && (
          <button type="button" className="button" onClick={onRemove} aria-label={t("period.remove", { segment: label })}>
            ×
          </button>
        )}
      </td>
    </tr>
  );
}

function SegmentQueryRow({ segment, period, onRemove }: { segment: string; period: Period; onRemove: () => void }) {
  const { t } = useMessages(satisfactionMessages);
  const result = useApi<SatisfactionJson>("/api/analytics/satisfaction", { from: period.from || undefined, to: period.to || undefined, segment });
  const [name, ...rest] = segment.split(":");
  const label = `${t(`fields.${name as SegmentField}`)}: ${rest.join(":")}`;
  if (result.error !== null) {
    return (
      <tr>
        <th scope="row">{label}</th>
        <td colSpan={6}>
          <ErrorMessage error={result.error} />
        </td>
      </tr>
    );
  }
  return <SegmentRow label={label} data={result.data} onRemove={onRemove} />;
}
