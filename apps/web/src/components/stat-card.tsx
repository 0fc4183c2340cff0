import type { ReactNode } from "react";

/** A headline figure with its label and one line explaining how it was computed. */
export function StatCard({ label, value, explanation, tone }: { label: string; value: ReactNode; explanation?: ReactNode; tone?: "warning" | "good" }) {
  return (
    <section className={`stat-card${tone ? ` stat-${tone}` : ""}`} aria-label={label}>
      <h3 className="stat-label">{label}</h3>
      <p className="stat-value">{value}</p>
      {explanation && <p className="stat-explanation">{explanation}</p>}
    </section>
  );
}
