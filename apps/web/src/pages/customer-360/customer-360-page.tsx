import { useState } from "react";
import { Link, useParams } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { ActivityTables } from "./activity-tables.tsx";
import { customer360Messages } from "./customer-360-messages.ts";
import type { Activity, Profile, RevealPurpose } from "./customer-360-types.ts";
import { ProfileSection } from "./profile-section.tsx";
import { ServiceSection } from "./service-section.tsx";
import { TimelineSection } from "./timeline-section.tsx";
import { ValueSection } from "./value-section.tsx";

/** Customer 360: profile (masked, reveal for a purpose), value and risk with charts, orders, payments, contracts, timeline, surveys and cases. */
export default function Customer360Page() {
  const { t } = useMessages(customer360Messages);
  const id = useParams().id ?? "";
  const [purpose, setPurpose] = useState<RevealPurpose | null>(null);
  const path = `/api/customers/${encodeURIComponent(id)}`;
  const profile = useApi<Profile>(path, undefined, purpose ?? undefined);
  const activity = useApi<Activity>(`${path}/activity`);
  const metrics = useApi<{ currency: string }>("/api/customers/metrics", { ids: id });
  const currency = metrics.data?.currency ?? activity.data?.orders[0]?.currency ?? "USD";

  if (profile.error !== null) {
    return (
      <>
        <p>
          <Link to="/customers">← {t("back")}</Link>
        </p>
        <ErrorMessage error={profile.error} onRetry={profile.reload} />
      </>
    );
  }
  if (!profile.data) return <Loading />;
  const c = profile.data.customer;
  return (
    <div className="customer-360">
      <p>
        <Link to="/customers">← {t("back")}</Link>
      </p>
      <h1>{c.name ?? c.external_id ?? c.id}</h1>
      <div className="layout-360">
        <ProfileSection profile={profile.data} purpose={purpose} onReveal={setPurpose} />
        <div className="stack">
          <ValueSection scores={profile.data.scores} history={activity.data?.value_history} currency={currency} />
          {activity.error !== null && <ErrorMessage error={activity.error} onRetry={activity.reload} />}
        </div>
      </div>
      {activity.data && <ActivityTables activity={activity.data} />}
      <ServiceSection customerId={c.id} satisfaction={profile.data.satisfaction} />
      <TimelineSection customerId={c.id} latest={profile.data.timeline} purpose={purpose} />
    </div>
  );
}
