import { defaultDemoOptions, demoFailureCases, demoWorkspaceSlug, generateDemoWorkspace, planDemoHandoffs, type DemoOptions, type Repositories, type WorkspaceSummary } from "@tenure/domain";
import { AppError } from "@tenure/shared";
import { seedDemoHandoffs } from "../cases/handoff-demo-seed.ts";
import { loadDemoRecoveries } from "../cases/recovery/load-demo-recoveries.ts";
import { loadDemoSurveys } from "../surveys/load-demo-surveys.ts";

/** What was loaded, for the CLI and the first-start banner. */
export interface LoadedDemo {
  workspace: WorkspaceSummary;
  counts: Record<"users" | "products" | "customers" | "contacts" | "orders" | "orderLines" | "contracts" | "invoices" | "payments" | "events", number>;
}

/**
 * Generate the demo workspace "Demo Co" (seeded, with a fixed "today", so
 * always the same data) and write it in one transaction. A system operation:
 * it creates a workspace, so there is no caller workspace yet. Refuses with a
 * conflict, loading nothing, when the demo workspace already exists.
 */
export async function loadDemoWorkspace(deps: { repositories: Pick<Repositories, "workspaces" | "demo" | "slas" | "handoffs" | "knownProblems" | "transaction" | "recoveries" | "cases" | "customers" | "assignments" | "consents" | "audit" | "surveys" | "feedback"> }, input: Partial<DemoOptions> = {}): Promise<LoadedDemo> {
  const existing = (await deps.repositories.workspaces.list()).find((w) => w.slug === demoWorkspaceSlug);
  if (existing) {
    throw new AppError(
      "demo_exists",
      "conflict",
      `The demo workspace "${demoWorkspaceSlug}" already exists with ${existing.customers} customers; nothing was loaded`,
      { field: "workspace" },
    );
  }
  const options = { ...defaultDemoOptions, ...input };
  const dataset = generateDemoWorkspace(options);
  await deps.repositories.demo.write(dataset);
  // SLA set-up, responsibility map, known problems and handoffs of the demo cases, through the real use cases
  await seedDemoHandoffs(deps, dataset.workspace.id, planDemoHandoffs(dataset), new Map(dataset.users.map((u) => [u.id, u.role])), input.today ?? defaultDemoOptions.today);
  // a few service recoveries of the demo's company failures, run through the real use cases and signed by the demo manager
  const manager = dataset.users.find((u) => u.role === "manager");
  if (manager) await loadDemoRecoveries(deps, { workspaceId: dataset.workspace.id, managerUserId: manager.id, cases: demoFailureCases(dataset) });
  // survey answers, feedback and follow-ups that follow the customers' behaviour
  await loadDemoSurveys(deps, dataset, { today: options.today, seed: options.seed });
  const { workspace } = dataset;
  return {
    workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, customers: dataset.customers.length },
    counts: {
      users: dataset.users.length,
      products: dataset.products.length,
      customers: dataset.customers.length,
      contacts: dataset.contacts.length,
      orders: dataset.orders.length,
      orderLines: dataset.orderLines.length,
      contracts: dataset.contracts.length,
      invoices: dataset.invoices.length,
      payments: dataset.payments.length,
      events: dataset.events.length,
    },
  };
}
