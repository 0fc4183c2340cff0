import { Readable } from "node:stream";
import { listCustomerMetrics, listCustomers } from "@tenure/app";
import { customerExportLimit, listCustomersQuerySchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { routePermission } from "../security/route-permission.ts";
import { customerListInput } from "../customers/customer-list-input.ts";
import { customerCsvColumns, customerCsvLine } from "./customer-csv.ts";

const pageSize = 200;

/**
 * GET /api/customers/export.csv: the customers list (same filters and sort)
 * as CSV, streamed page by page. Personal data is masked unless X-Purpose
 * allows it, and unmasked rows are audited, exactly as GET /api/customers.
 */
export function customerExportRoute(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/customers/export.csv",
    {
      schema: {
        tags: ["customers"],
        ...routePermission("customers.read"),
        summary: `The customers list as CSV (at most ${customerExportLimit} rows)`,
        description: "Filters and sort of GET /api/customers; cursor and limit are ignored. Masked unless X-Purpose allows personal data.",
        querystring: listCustomersQuerySchema,
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const search = { ...customerListInput(request.query), limit: pageSize };
      // The first page runs before the answer starts, so a bad filter is still a 400.
      const first = await listCustomers(ctx, deps, search);
      async function* lines(): AsyncGenerator<string> {
        yield `${customerCsvColumns.join(",")}\r\n`;
        let page = first;
        let sent = 0;
        for (;;) {
          const metrics = new Map((await listCustomerMetrics(ctx, deps, { ids: page.items.map((c) => c.id) })).items.map((m) => [m.customerId, m]));
          let chunk = "";
          for (const customer of page.items) {
            if (sent++ >= customerExportLimit) break;
            chunk += `${customerCsvLine(customer, metrics.get(customer.id))}\r\n`;
          }
          yield chunk;
          if (!page.nextCursor || sent >= customerExportLimit) return;
          page = await listCustomers(ctx, deps, { ...search, cursor: page.nextCursor });
        }
      }
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="customers.csv"')
        .send(Readable.from(lines()));
    },
  );
}
