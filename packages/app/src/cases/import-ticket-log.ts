import { parseImportTimestamp, replayTicketLog, type CasePriority, type Repositories, type Team, type TicketLogEntry, type TicketLogFormat } from "@tenure/domain";
import { invalidInput, newId, type RequestContext } from "@tenure/shared";
import { readCsvRecords } from "../imports/read-csv-records.ts";
import { authorize } from "../security/authorize.ts";
import { buildCase } from "./build-case.ts";
import { storeImportedCases, teamIdOf, type CaseImportRejection, type CaseImportResult, type ImportedCase } from "./case-import-store.ts";

interface LogLayout {
  ticket: string;
  time: string;
  resource: string;
  /** The activity of a row. */
  activity: (value: (column: string) => string) => string;
  team?: string;
  impact?: string;
  product?: string;
  organization?: string;
}

const layouts: Record<TicketLogFormat, LogLayout> = {
  // Helpdesk (Polato 2017): one row per activity of a ticket.
  helpdesk: { ticket: "case_concept:name", time: "time:timestamp", resource: "org:resource", activity: (v) => v("concept:name") },
  // BPI Challenge 2013 incidents: status ("concept:name") and sub-status ("lifecycle:transition").
  bpi2013: {
    ticket: "case_concept:name",
    time: "time:timestamp",
    resource: "org:resource",
    activity: (v) => `${v("concept:name")}/${v("lifecycle:transition")}`,
    team: "org:group",
    impact: "impact",
    product: "product",
    organization: "organization involved",
  },
};

const impactPriority: Record<string, CasePriority> = { low: "low", medium: "normal", high: "high", major: "urgent" };

export interface ImportTicketLogOptions {
  format: TicketLogFormat;
  /** Customer external id for logs without one (Helpdesk); created when missing. Default "<format>-log". */
  customerExternalId?: string | undefined;
  onProgress?: (rows: number) => void;
  now?: Date;
}

/**
 * `tenure cases import-log`: a ticket event log (Helpdesk or BPI Challenge
 * 2013) as cases with their status history. Rows are grouped by ticket and
 * replayed in time order through the case life cycle (replayTicketLog). A
 * row whose ticket id or time cannot be read is rejected with its line and
 * column. BPI 2013 support groups become teams, impact the priority, the
 * "organization involved" the customer; Helpdesk tickets all belong to one
 * customer. Cases whose external id ("<format>:<ticket>") exists are skipped.
 */
export async function importTicketLog(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction" | "cases" | "customers"> },
  source: AsyncIterable<Buffer | string>,
  options: ImportTicketLogOptions,
): Promise<CaseImportResult> {
  authorize(ctx, "imports.run");
  authorize(ctx, "cases.write");
  const layout = layouts[options.format];
  const file = await readCsvRecords(source);
  const index = new Map(file.header.map((h, i) => [h, i]));
  for (const column of [layout.ticket, layout.time, layout.resource]) {
    if (!index.has(column)) throw invalidInput("file", `A ${options.format} log needs a "${column}" column; this file has ${file.header.join(", ")}`);
  }
  const tickets = new Map<string, TicketLogEntry[]>();
  const rejected: CaseImportRejection[] = [];
  let read = 0;
  for await (const chunk of file.chunks) {
    for (const record of chunk) {
      const value = (column: string) => record.record[index.get(column) ?? -1]?.trim() ?? "";
      const ticket = value(layout.ticket);
      const iso = parseImportTimestamp(value(layout.time));
      if (!ticket) rejected.push({ line: record.line, column: layout.ticket, reason: "the ticket id is empty" });
      else if (!iso) rejected.push({ line: record.line, column: layout.time, reason: `"${value(layout.time)}" is not a date and time` });
      else {
        const optional = (column: string | undefined) => (column ? value(column) || null : null);
        const entry: TicketLogEntry = {
          ticket,
          activity: layout.activity(value),
          resource: value(layout.resource) || null,
          at: new Date(iso),
          line: record.line,
          team: optional(layout.team),
          priority: impactPriority[(optional(layout.impact) ?? "").toLowerCase()] ?? null,
          product: optional(layout.product),
          organization: optional(layout.organization),
        };
        const list = tickets.get(ticket);
        if (list) list.push(entry);
        else tickets.set(ticket, [entry]);
      }
    }
    read += chunk.length;
    options.onProgress?.(read);
  }
  const replays = [...tickets.values()].map((entries) => replayTicketLog(options.format, entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.line - b.line)));
  const fallbackCustomer = options.customerExternalId ?? `${options.format}-log`;
  const customerOf = (organization: string | null) => (organization ? `${options.format}:${organization}` : fallbackCustomer);
  const customers = await ensureCustomers(ctx, deps, [...new Set(replays.map((r) => customerOf(r.organization)))], options.format);
  const now = options.now ?? new Date();
  const teams = new Map<string, Team>();
  const cases: ImportedCase[] = replays.map((replay) => {
    const teamId = replay.team ? teamIdOf(replay.team) : null;
    if (replay.team && teamId) teams.set(teamId, { workspaceId: ctx.workspaceId, id: teamId, name: replay.team, timeZone: "UTC" });
    const row = buildCase(
      ctx.workspaceId,
      {
        externalId: `${options.format}:${replay.externalId}`,
        customerId: customers.get(customerOf(replay.organization)) as string,
        subject: `${options.format === "helpdesk" ? "Helpdesk ticket" : "Incident"} ${replay.externalId}`,
        channel: "web",
        productId: replay.product,
        priority: replay.priority,
        status: replay.status,
        teamId,
        resolutionNote: replay.resolutionNote,
        openedAt: replay.openedAt,
        firstResponseAt: replay.firstResponseAt,
        resolvedAt: replay.resolvedAt,
        closedAt: replay.closedAt,
        reopenCount: replay.reopenCount,
        handoffCount: replay.handoffs,
      },
      now,
    );
    const events = replay.events.map((e) => ({ kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, actorUserId: null, body: e.body, data: e.data, occurredAt: e.at }));
    return { case: row, events };
  });
  const stored = await storeImportedCases(ctx, deps, cases, [...teams.values()], `import:${options.format}`, { preset: options.format, rowsRead: read, rejected: rejected.length });
  return { cases: cases.length, ...stored, rejected, outOfOrder: replays.reduce((n, r) => n + r.outOfOrder, 0) };
}

/** Customer ids of the external ids, creating organisation customers for those missing. */
async function ensureCustomers(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction" | "cases" | "customers"> },
  externalIds: readonly string[],
  format: TicketLogFormat,
): Promise<Map<string, string>> {
  return deps.repositories.transaction(async (tx) => {
    const found = await tx.cases.customerIdsByExternalId(ctx.workspaceId, externalIds);
    for (const externalId of externalIds) {
      if (found.has(externalId)) continue;
      const name = externalId.startsWith(`${format}:`) ? externalId.slice(format.length + 1) : `${format} log`;
      const result = await tx.customers.insert({
        id: newId("customer"),
        workspaceId: ctx.workspaceId,
        externalId,
        kind: "organization",
        name,
        email: null,
        phone: null,
        country: null,
        timeZone: null,
        locale: null,
        accountType: null,
        industry: null,
        sizeBand: null,
        ownerUserId: null,
        parentCustomerId: null,
        attributes: { source: `${format} ticket log` },
      });
      found.set(externalId, "created" in result ? result.created.id : result.existingId);
    }
    return found;
  });
}
