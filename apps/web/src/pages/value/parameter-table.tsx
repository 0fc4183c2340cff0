import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { valueMessages } from "./value-messages.ts";
import { ColumnHeaders } from "../../components/column-headers.tsx";

type About = keyof (typeof valueMessages.bundles.en)["params"]["about"];
const known = new Set<string>(["r", "alpha", "a", "b", "s", "beta", "p", "q", "gamma"]);

/** Estimates with standard errors and ±1.96 SE intervals, each parameter explained. */
export function ParameterTable({ params, errors }: { params: Record<string, number | null>; errors: Record<string, number | null> }) {
  const { t } = useMessages(valueMessages);
  const format = useFormat();
  const show = (v: number | null) => (v === null ? "—" : format.number(v, 4));
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t("params.caption")}</caption>
        <ColumnHeaders columns={[{ label: t("params.name") }, { label: t("params.estimate"), numeric: true }, { label: t("params.se"), numeric: true }, { label: t("params.interval"), numeric: true }, { label: t("params.meaning") }]} />
        <tbody>
          {Object.entries(params).map(([name, value]) => {
            const se = errors[name] ?? null;
            const interval = value !== null && se !== null ? `${show(value - 1.96 * se)} – ${show(value + 1.96 * se)}` : "—";
            return (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td className="num">{show(value)}</td>
                <td className="num">{show(se)}</td>
                <td className="num">{interval}</td>
                <td>{t(`params.about.${known.has(name) ? (name as About) : "other"}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
