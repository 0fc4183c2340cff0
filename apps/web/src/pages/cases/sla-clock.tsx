import type { CaseSlaClockJson } from "@tenure/api-schemas";
import { useApi } from "../../api/use-api.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { casesMessages } from "./cases-messages.ts";

type Clocks = { items: CaseSlaClockJson[] };

/** "in 3 hours" / "2 days ago" in the user's language. */
export function relativeTime(locale: string, iso: string, now = Date.now()): string {
  const minutes = (Date.parse(iso) - now) / 60_000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (Math.abs(minutes) < 60) return format.format(Math.round(minutes), "minute");
  if (Math.abs(minutes) < 48 * 60) return format.format(Math.round(minutes / 60), "hour");
  return format.format(Math.round(minutes / 1440), "day");
}

/** The clock to show first: a breach, else the running clock due soonest, else a paused one, else the last met. */
function mostUrgent(clocks: readonly CaseSlaClockJson[]): CaseSlaClockJson | null {
  const breached = clocks.find((c) => c.state === "breached" && c.stopped_at === null) ?? null;
  if (breached) return breached;
  const running = clocks.filter((c) => c.state === "running" && c.due_at !== null).sort((a, b) => Date.parse(a.due_at ?? "") - Date.parse(b.due_at ?? ""));
  return running[0] ?? clocks.find((c) => c.state === "paused") ?? clocks.find((c) => c.state === "breached") ?? clocks.at(-1) ?? null;
}

/** One badge line for a clock: due when, breached, met or paused. */
export function ClockBadge({ clock }: { clock: CaseSlaClockJson }) {
  const { t, locale } = useMessages(casesMessages);
  const metric = t(`sla.metrics.${clock.metric}`);
  if (clock.state === "breached") return <span className="badge badge-danger">{t("sla.breached", { metric })}</span>;
  if (clock.state === "met") return <span className="badge">{t("sla.met", { metric })}</span>;
  if (clock.state === "paused" || clock.due_at === null) return <span className="badge">{t("sla.paused", { metric })}</span>;
  const warn = clock.elapsed_minutes >= clock.target_minutes * 0.8;
  return <span className={warn ? "badge badge-warning" : "badge"}>{t("sla.dueIn", { metric, when: relativeTime(locale, clock.due_at) })}</span>;
}

/** The queue's SLA cell: the most urgent clock of the case. */
export function SlaCell({ caseId }: { caseId: string }) {
  const { t } = useMessages(casesMessages);
  const clocks = useApi<Clocks>(`/api/cases/${encodeURIComponent(caseId)}/sla`);
  if (!clocks.data) return <span className="muted">…</span>;
  const clock = mostUrgent(clocks.data.items);
  return clock ? <ClockBadge clock={clock} /> : <span className="muted">{t("sla.none")}</span>;
}

/** Every clock of a case with its business minutes used. */
export function SlaClocks({ caseId }: { caseId: string }) {
  const { t } = useMessages(casesMessages);
  const format = useFormat();
  const clocks = useApi<Clocks>(`/api/cases/${encodeURIComponent(caseId)}/sla`);
  if (!clocks.data || clocks.data.items.length === 0) return <p className="muted">{t("sla.none")}</p>;
  return (
    <ul className="sla-clocks">
      {clocks.data.items.map((clock) => (
        <li key={clock.metric}>
          <ClockBadge clock={clock} />{" "}
          <span className="muted small">
            {t("sla.elapsed", { elapsed: format.number(clock.elapsed_minutes), target: format.number(clock.target_minutes) })}
            {clock.due_at ? ` · ${format.dateTime(clock.due_at)}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
