import type { CustomerScope } from "../security/customer-scope.ts";

/** One customer's stored value scores, for a ranking. Money is an exact decimal string. */
export interface RankedCustomerValue {
  customerId: string;
  kind: "person" | "organization";
  clv: string;
  pAlive: number;
  expectedPurchases365: number;
  expectedSpend: string | null;
  frequency: number;
  recency: number;
  age: number;
}

/** Customers ordered by their stored CLV (the latest refit's scores). */
export interface ValueRankingRepository {
  /** The `limit` customers of highest CLV within `scope`, highest first (ties by id); customers without a CLV are left out. */
  topByValue(workspaceId: string, scope: CustomerScope, limit: number): Promise<RankedCustomerValue[]>;
}
