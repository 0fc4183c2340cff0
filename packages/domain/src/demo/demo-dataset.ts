import type { Money, Role } from "@tenure/shared";
import type { DemoCases } from "./demo-cases.ts";

/**
 * A whole demo workspace as plain rows, produced by generateDemoWorkspace()
 * and written in one go by DemoRepository.write(). Rows carry no workspace id:
 * they all belong to `workspace`.
 */
export interface DemoDataset {
  workspace: DemoWorkspaceRow;
  users: DemoUserRow[];
  products: DemoProductRow[];
  customers: DemoCustomerRow[];
  contacts: DemoContactRow[];
  orders: DemoOrderRow[];
  orderLines: DemoOrderLineRow[];
  contracts: DemoContractRow[];
  invoices: DemoInvoiceRow[];
  payments: DemoPaymentRow[];
  events: DemoEventRow[];
  /** Support teams, cases and their events (demo-cases.ts). */
  cases: DemoCases;
}

/** "YYYY-MM-DD". */
export type IsoDate = string;

export interface DemoWorkspaceRow {
  id: string;
  slug: string;
  name: string;
  defaultCurrency: string;
  defaultLocale: string;
  timeZone: string;
  createdAt: Date;
  /** How the demo was made (seed, today, population parameters), for analysts checking a model fit. */
  settings: Record<string, unknown>;
}

export interface DemoUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  title: string;
  locale: string;
}

export interface DemoProductRow {
  id: string;
  externalId: string;
  name: string;
  category: string;
  price: Money;
  unitCost: Money;
  isService: boolean;
  /** Who buys it: consumers, businesses or both. */
  audience: "b2c" | "b2b" | "both";
}

export interface DemoCustomerRow {
  id: string;
  externalId: string;
  kind: "person" | "organization";
  name: string;
  email: string;
  phone: string | null;
  country: string;
  timeZone: string;
  locale: string;
  accountType: string | null;
  industry: string | null;
  sizeBand: string | null;
  ownerUserId: string | null;
  firstSeenAt: Date;
  attributes: Record<string, unknown>;
}

export interface DemoContactRow {
  id: string;
  customerId: string;
  name: string;
  email: string;
  phone: string | null;
  title: string;
  role: string;
  locale: string;
  isPrimary: boolean;
  createdAt: Date;
}

export type DemoOrderStatus = "completed" | "cancelled" | "returned";

export interface DemoOrderRow {
  id: string;
  externalId: string;
  customerId: string;
  orderedAt: Date;
  currency: string;
  status: DemoOrderStatus;
  total: Money;
  lineCount: number;
  attributes: Record<string, unknown>;
}

export interface DemoOrderLineRow {
  orderId: string;
  lineNo: number;
  productId: string;
  sku: string;
  description: string;
  quantity: Money;
  unitPrice: Money;
  amount: Money;
}

export interface DemoContractRow {
  id: string;
  externalId: string;
  customerId: string;
  name: string;
  status: "active" | "renewing" | "expired";
  startsOn: IsoDate;
  endsOn: IsoDate;
  renewalOn: IsoDate;
  autoRenew: boolean;
  annualValue: Money;
  currency: string;
  discountPercent: string;
  promotionEndsOn: IsoDate | null;
  terms: string;
}

export interface DemoInvoiceRow {
  id: string;
  externalId: string;
  customerId: string;
  orderId: string | null;
  contractId: string | null;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  amount: Money;
  currency: string;
  status: "open" | "paid" | "disputed";
  paidOn: IsoDate | null;
  disputedAt: Date | null;
  disputeReason: string | null;
}

export interface DemoPaymentRow {
  id: string;
  externalId: string;
  customerId: string;
  invoiceId: string;
  paidAt: Date;
  amount: Money;
  currency: string;
  method: string;
}

export interface DemoEventRow {
  id: string;
  customerId: string;
  type: string;
  occurredAt: Date;
  summary: string;
  properties: Record<string, unknown>;
}
