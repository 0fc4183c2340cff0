import { escapeCopyValue } from "@tenure/shared";
import type { DemoDataset } from "@tenure/domain";

type Cell = string | number | boolean | Date | Record<string, unknown> | null;

/** One table of the demo: its columns and each row's cells, in column order. */
export interface DemoTable {
  name: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/** The dataset as tables in foreign-key order, every row stamped with the workspace id. */
export function demoTables(d: DemoDataset): DemoTable[] {
  const ws = d.workspace.id;
  const table = <R>(name: string, columns: readonly string[], rows: readonly R[], cells: (row: R) => Cell[]): DemoTable => ({
    name,
    columns: ["workspace_id", ...columns],
    rows: rows.map((row) => [ws, ...cells(row)]),
  });
  return [
    {
      name: "workspaces",
      columns: ["id", "slug", "name", "default_currency", "default_locale", "time_zone", "settings", "created_at"],
      rows: [[ws, d.workspace.slug, d.workspace.name, d.workspace.defaultCurrency, d.workspace.defaultLocale, d.workspace.timeZone, d.workspace.settings, d.workspace.createdAt]],
    },
    table("users", ["id", "email", "name", "role", "title", "locale", "created_at"], d.users, (u) => [u.id, u.email, u.name, u.role, u.title, u.locale, d.workspace.createdAt]),
    table("products", ["id", "external_id", "name", "category", "price", "unit_cost", "is_service", "attributes", "created_at", "updated_at"], d.products, (p) => [
      p.id, p.externalId, p.name, p.category, p.price, p.unitCost, p.isService, { audience: p.audience }, d.workspace.createdAt, d.workspace.createdAt,
    ]),
    table(
      "customers",
      ["id", "external_id", "kind", "name", "email", "phone", "country", "time_zone", "locale", "account_type", "industry", "size_band", "owner_user_id", "attributes", "first_seen_at", "created_at", "updated_at"],
      d.customers,
      (c) => [c.id, c.externalId, c.kind, c.name, c.email, c.phone, c.country, c.timeZone, c.locale, c.accountType, c.industry, c.sizeBand, c.ownerUserId, c.attributes, c.firstSeenAt, c.firstSeenAt, c.firstSeenAt],
    ),
    table("contacts", ["id", "customer_id", "name", "email", "phone", "title", "role", "locale", "is_primary", "created_at", "updated_at"], d.contacts, (c) => [
      c.id, c.customerId, c.name, c.email, c.phone, c.title, c.role, c.locale, c.isPrimary, c.createdAt, c.createdAt,
    ]),
    table("orders", ["id", "external_id", "customer_id", "ordered_at", "currency", "status", "total", "line_count", "source", "attributes", "created_at", "updated_at"], d.orders, (o) => [
      o.id, o.externalId, o.customerId, o.orderedAt, o.currency, o.status, o.total, o.lineCount, "demo", o.attributes, o.orderedAt, o.orderedAt,
    ]),
    table("order_lines", ["order_id", "line_no", "product_id", "sku", "description", "quantity", "unit_price", "amount"], d.orderLines, (l) => [
      l.orderId, l.lineNo, l.productId, l.sku, l.description, l.quantity, l.unitPrice, l.amount,
    ]),
    table(
      "contracts",
      ["id", "external_id", "customer_id", "name", "status", "starts_on", "ends_on", "renewal_on", "auto_renew", "annual_value", "currency", "discount_percent", "promotion_ends_on", "terms"],
      d.contracts,
      (c) => [c.id, c.externalId, c.customerId, c.name, c.status, c.startsOn, c.endsOn, c.renewalOn, c.autoRenew, c.annualValue, c.currency, c.discountPercent, c.promotionEndsOn, c.terms],
    ),
    table(
      "invoices",
      ["id", "external_id", "customer_id", "order_id", "contract_id", "issued_on", "due_on", "amount", "currency", "status", "paid_on", "disputed_at", "dispute_reason"],
      d.invoices,
      (i) => [i.id, i.externalId, i.customerId, i.orderId, i.contractId, i.issuedOn, i.dueOn, i.amount, i.currency, i.status, i.paidOn, i.disputedAt, i.disputeReason],
    ),
    table("payments", ["id", "external_id", "customer_id", "invoice_id", "paid_at", "amount", "currency", "method", "created_at"], d.payments, (p) => [
      p.id, p.externalId, p.customerId, p.invoiceId, p.paidAt, p.amount, p.currency, p.method, p.paidAt,
    ]),
    table("events", ["id", "customer_id", "type", "occurred_at", "source", "summary", "properties", "created_at"], d.events, (e) => [
      e.id, e.customerId, e.type, e.occurredAt, "demo", e.summary, e.properties, e.occurredAt,
    ]),
    table("teams", ["id", "name", "time_zone", "created_at"], d.cases.teams, (t) => [t.id, t.name, t.timeZone, d.workspace.createdAt]),
    table(
      "cases",
      ["id", "external_id", "customer_id", "subject", "description", "channel", "category", "product_id", "priority", "status", "owner_user_id", "team_id", "is_company_failure", "resolution_note", "opened_at", "first_response_at", "last_customer_update_at", "resolved_at", "closed_at", "reopen_count", "created_at", "updated_at"],
      d.cases.cases,
      (c) => [c.id, c.externalId, c.customerId, c.subject, c.description, c.channel, c.category, c.productId, c.priority, c.status, c.ownerUserId, c.teamId, c.isCompanyFailure, c.resolutionNote, c.openedAt, c.firstResponseAt, c.openedAt, c.resolvedAt, c.closedAt, c.reopenCount, c.openedAt, c.closedAt ?? c.resolvedAt ?? c.firstResponseAt ?? c.openedAt],
    ),
    table("case_events", ["id", "case_id", "kind", "from_status", "to_status", "actor_user_id", "body", "data", "occurred_at", "created_at"], d.cases.caseEvents, (e) => [
      e.id, e.caseId, e.kind, e.fromStatus, e.toStatus, e.actorUserId, e.body, { demo: true }, e.occurredAt, e.occurredAt,
    ]),
  ];
}

/** A table's rows in COPY text format: tab-separated, \N for null, backslash escapes. */
export function copyText(table: DemoTable): string {
  const lines: string[] = [];
  for (const row of table.rows) lines.push(row.map(copyCell).join("\t"));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

function copyCell(cell: Cell): string {
  if (cell === null) return "\\N";
  const text = cell instanceof Date ? cell.toISOString() : typeof cell === "object" ? JSON.stringify(cell) : String(cell);
  return escapeCopyValue(text);
}
