import { customerSearchOrder, roleHasPermission, encodePageCursor, type Customer, type CustomerKind, type CustomerSortField, type Repositories, type SortDirection } from "@tenure/domain";
import { AppError, invalidInput, type RequestContext } from "@tenure/shared";
import { authorize, customerScopeOf } from "../security/authorize.ts";
import { revealPersonalData } from "../security/reveal-personal-data.ts";
import { checkLimit } from "./check-limit.ts";
import { decodeCursorOrThrow } from "./decode-cursor-or-throw.ts";

export interface ListCustomersInput {
  q?: string | undefined;
  kind?: CustomerKind | undefined;
  ownerUserId?: string | undefined;
  country?: string | undefined;
  /** attribute key → required value. */
  attributes?: Record<string, string> | undefined;
  sort?: CustomerSortField | undefined;
  direction?: SortDirection | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface CustomerList {
  items: Customer[];
  total: number;
  /** Opaque; pass back as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null;
}

const sortFields: readonly CustomerSortField[] = ["name", "created_at", "updated_at"];

/**
 * Search the workspace's customers: `q` is a name prefix or an exact e-mail
 * or external id (case-insensitive); filters are ANDed; pages follow a stable
 * keyset order (sort key, then id) with an opaque cursor.
 */
export async function listCustomers(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "customers" | "consents" | "audit"> },
  input: ListCustomersInput,
): Promise<CustomerList> {
  authorize(ctx, "customers.read");
  const sort = input.sort ?? "name";
  if (!sortFields.includes(sort)) throw invalidInput("sort", `sort must be one of ${sortFields.join(", ")}`);
  const direction = input.direction ?? "asc";
  const limit = checkLimit(input.limit);
  const after = decodeCursorOrThrow(input.cursor, customerSearchOrder({ sort, direction }));
  const q = input.q?.trim();
  // q matches names and e-mails: a role that may not read personal data may not probe for them either.
  if (q && !roleHasPermission(ctx.role, "personal_data.read")) {
    throw new AppError("permission_denied", "forbidden", `The ${ctx.role} role may not search by name or e-mail (q); filter by other fields`, { field: "q" });
  }
  const page = await deps.repositories.customers.search(ctx.workspaceId, {
    q: q ? q : null,
    kind: input.kind ?? null,
    ownerUserId: input.ownerUserId ?? null,
    country: input.country ?? null,
    attributes: input.attributes ?? {},
    sort,
    direction,
    after,
    limit,
    scope: customerScopeOf(ctx),
  });
  const shown = await revealPersonalData(ctx, deps, page.items.map((customer) => ({ customer })));
  return { items: shown.map((s) => s.customer), total: page.total, nextCursor: page.next ? encodePageCursor(page.next) : null };
}
