import type { AuditEntry } from "@tenure/domain";

const columns = ["occurred_at", "actor_id", "role", "action", "customer_id", "fields", "purpose", "request_id", "id"] as const;

/**
 * Audit rows as RFC 4180 CSV. A cell starting with = + - @ (or a tab or
 * carriage return) gets a leading apostrophe so spreadsheets do not run it
 * as a formula (OWASP CSV injection).
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [columns.join(",")];
  for (const e of entries) {
    const row: Record<(typeof columns)[number], string> = {
      occurred_at: e.occurredAt.toISOString(),
      actor_id: e.actorId,
      role: e.role,
      action: e.action,
      customer_id: e.customerId ?? "",
      fields: e.fields.join(" "),
      purpose: e.purpose ?? "",
      request_id: e.requestId,
      id: e.id,
    };
    lines.push(columns.map((c) => csvCell(row[c])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
