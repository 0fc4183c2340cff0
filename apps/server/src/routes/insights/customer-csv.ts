import type { Customer, CustomerListMetrics } from "@tenure/domain";

export const customerCsvColumns = ["id", "external_id", "kind", "name", "email", "phone", "country", "owner", "account_type", "industry", "clv", "p_alive", "nps", "open_cases", "created_at"] as const;

/** One customer as a CSV line (personal fields exactly as the use case returned them: masked unless revealed). */
export function customerCsvLine(c: Customer, m: CustomerListMetrics | undefined): string {
  const cells: Record<(typeof customerCsvColumns)[number], string> = {
    id: c.id,
    external_id: c.externalId ?? "",
    kind: c.kind,
    name: c.name ?? "",
    email: c.email ?? "",
    phone: c.phone ?? "",
    country: c.country ?? "",
    owner: m?.ownerName ?? "",
    account_type: c.accountType ?? "",
    industry: c.industry ?? "",
    clv: m?.clv ?? "",
    p_alive: m?.pAlive === null || m?.pAlive === undefined ? "" : m.pAlive.toFixed(4),
    nps: m?.nps === null || m?.nps === undefined ? "" : String(m.nps),
    open_cases: m ? String(m.openCases) : "",
    created_at: c.createdAt.toISOString(),
  };
  return customerCsvColumns.map((k) => cell(cells[k])).join(",");
}

// RFC 4180 quoting; a leading = + - @ tab or CR gets an apostrophe (spreadsheet formula injection).
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
