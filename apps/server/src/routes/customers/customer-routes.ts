import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { createCustomerRoute } from "./create-customer-route.ts";
import { customerTimelineRoute } from "./customer-timeline-route.ts";
import { getCustomerRoute } from "./get-customer-route.ts";
import { listCustomersRoute } from "./list-customers-route.ts";
import { updateCustomerRoute } from "./update-customer-route.ts";

/** The customer API under /api/customers (Bearer API token). */
export async function customerRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  listCustomersRoute(app, deps);
  getCustomerRoute(app, deps);
  createCustomerRoute(app, deps);
  updateCustomerRoute(app, deps);
  customerTimelineRoute(app, deps);
}
