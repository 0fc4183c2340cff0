import type { DataSubjectRecords, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";
import { authorize } from "../security/authorize.ts";
import { customerNotFound } from "../customers/customer-not-found.ts";

export interface CustomerDataExport extends DataSubjectRecords {
  exported_at: string;
  workspace_id: string;
  customer_id: string;
}

/**
 * Everything stored about one customer as one JSON document (a data subject
 * access request): profile, contacts, orders and lines, invoices, payments,
 * contracts, timeline, consents, scores, the audit of reads of their
 * personal data, and their cases (status history, events, handoff briefs,
 * recovery with the letter's text and PDF in base64). Admins only; the
 * export itself is audited.
 */
export async function exportCustomerData(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "dataSubjects" | "audit"> },
  input: { customerId: string; now?: Date },
): Promise<CustomerDataExport> {
  authorize(ctx, "customers.export");
  const records = await deps.repositories.dataSubjects.collect(ctx.workspaceId, input.customerId);
  if (!records) throw customerNotFound(input.customerId);
  await deps.repositories.audit.append([auditEntry(ctx, "customer.export", input.customerId, ["*"])]);
  return { exported_at: (input.now ?? new Date()).toISOString(), workspace_id: ctx.workspaceId, customer_id: input.customerId, ...records };
}
