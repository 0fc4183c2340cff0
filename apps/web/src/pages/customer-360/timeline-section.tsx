import { useState } from "react";
import { api } from "../../api/client.ts";
import { ErrorMessage } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { customer360Messages } from "./customer-360-messages.ts";
import type { Profile, RevealPurpose, TimelinePage } from "./customer-360-types.ts";

type Event = Profile["timeline"][number];

/** The customer's latest events, newest first, with older pages on demand (GET /api/customers/{id}/timeline). */
export function TimelineSection({ customerId, latest, purpose }: { customerId: string; latest: readonly Event[]; purpose: RevealPurpose | null }) {
  const { t } = useMessages(customer360Messages);
  const format = useFormat();
  const [older, setOlder] = useState<{ items: Event[]; cursor: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const events = [...latest, ...(older?.items ?? [])];

  async function more() {
    try {
      // The first page repeats the latest events; skip those already shown.
      const page = await api<TimelinePage>(`/api/customers/${encodeURIComponent(customerId)}/timeline`, { query: { limit: 50, cursor: older?.cursor ?? undefined }, purpose: purpose ?? undefined });
      const seen = new Set(events.map((e) => e.id));
      setOlder({ items: [...(older?.items ?? []), ...page.items.filter((e) => !seen.has(e.id))], cursor: page.next_cursor });
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timeline.title")}</h2>
      {events.length === 0 ? (
        <p className="muted">{t("timeline.empty")}</p>
      ) : (
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.occurred_at}>{format.dateTime(e.occurred_at)}</time> <span className="badge">{e.type}</span> {e.summary}
            </li>
          ))}
        </ol>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {events.length >= 10 && (older === null || older.cursor !== null) && (
        <button type="button" className="button" onClick={() => void more()}>
          {t("timeline.more")}
        </button>
      )}
    </section>
  );
}
