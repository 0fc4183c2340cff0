import { customerSearchOrder, roleHasPermission, encodePageCursor, type Customer, type CustomerKind, type CustomerSortField, type Repositories, type SortDirection } from "@tenure/domain";
import { AppError, invalidInput, type RequestContext } from "@tenure/shared";
import { authorize, customerScopeOf } from "../security/authorize.ts";
import { decideCallerPurpose } from "../security/check-purpose.ts";
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
  /** Default: name when the caller sees names, else created_at (see sortFor). */
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

const sortFields: readonly CustomerSortField[] = ["name", "created_at", "updated_at", "clv", "p_alive"];

/**
 * The order of the list. A list sorted by name while the names are masked
 * would still tell their alphabetical order (and the cursor would carry the
 * last name), so when the caller's request masks every person's name (no
 * purpose, or one the role or workspace does not allow) sorting by name is
 * refused (403 personal_data_masked, field sort) and the default order is
 * created_at; an organisations-only list (kind organization) may still be
 * sorted by name, since an organisation's name is not personal.
 */
function sortFor(input: ListCustomersInput, purposeAllowed: boolean): CustomerSortField {
  if (input.sort !== undefined && !sortFields.includes(input.sort)) throw invalidInput("sort", `sort must be one of ${sortFields.join(", ")}`);
  if (input.sort !== undefined && input.sort !== "name") return input.sort;
  const namesShown = input.kind === "organization" || purposeAllowed;
  if (namesShown) return "name";
  if (input.sort === undefined) return "created_at";
  throw new AppError(
    "personal_data_masked",
    "forbidden",
    "Names are masked for this request, so the list cannot be sorted by them: sort by created_at, updated_at, clv or p_alive, or declare a purpose you may use (X-Purpose: service)",
    { field: "sort" },
  );
}

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
  const purpose = await decideCallerPurpose(ctx, deps, ctx.purpose);
  const sort = sortFor(input, purpose.allowed);
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
    // Names of customers who withdrew consent are shown masked: q must not find them by name either.
    nameMatchConsent: purpose.allowed && ctx.purpose !== null ? ctx.purpose : "any",
  });
  const shown = await revealPersonalData(ctx, deps, page.items.map((customer) => ({ customer })), purpose);
  return { items: shown.map((s) => s.customer), total: page.total, nextCursor: page.next ? encodePageCursor(page.next) : null };
}
