import { describe, expect, it } from "vitest";
import { replayTicketLog, type TicketLogEntry } from "./case-log-replay.ts";

let line = 1;
function entry(activity: string, iso: string, extra: Partial<TicketLogEntry> = {}): TicketLogEntry {
  return { ticket: "Case5", activity, resource: "Value 10", at: new Date(iso), line: ++line, team: null, priority: null, product: null, organization: null, ...extra };
}

describe("replayTicketLog", () => {
  it("rebuilds Helpdesk Case5: a resolution, a reopen, a second resolution and the close", () => {
    // helpdesk_events.csv.gz, ticket Case5
    const replay = replayTicketLog("helpdesk", [
      entry("Assign seriousness", "2012-04-03T13:08:32+03:00", { resource: "Value 9" }),
      entry("Take in charge ticket", "2012-04-03T13:45:33+03:00"),
      entry("Resolve ticket", "2012-04-03T13:47:22+03:00"),
      entry("Take in charge ticket", "2012-04-03T14:15:02+03:00"),
      entry("Resolve ticket", "2012-04-03T16:07:28+03:00"),
      entry("Closed", "2012-05-25T13:10:28+03:00", { resource: "Value 5" }),
    ]);
    expect(replay.status).toBe("closed");
    expect(replay.openedAt.toISOString()).toBe("2012-04-03T10:08:32.000Z");
    expect(replay.firstResponseAt?.toISOString()).toBe("2012-04-03T10:45:33.000Z");
    expect(replay.resolvedAt?.toISOString()).toBe("2012-04-03T13:07:28.000Z");
    expect(replay.closedAt?.toISOString()).toBe("2012-05-25T10:10:28.000Z");
    expect(replay.reopenCount).toBe(1);
    expect(replay.resource).toBe("Value 10");
    expect(replay.events.map((e) => e.toStatus)).toEqual(["new", "open", "resolved", "open", "resolved", "closed"]);
    expect(replay.outOfOrder).toBe(0);
  });

  it("resolves before closing a ticket closed unresolved, and keeps unmapped activities as log entries", () => {
    const replay = replayTicketLog("helpdesk", [
      entry("Assign seriousness", "2012-01-01T09:00:00Z"),
      entry("Take in charge ticket", "2012-01-01T10:00:00Z"),
      entry("Require upgrade", "2012-01-01T11:00:00Z"),
      entry("Closed", "2012-01-02T09:00:00Z"),
      entry("Take in charge ticket", "2012-01-03T09:00:00Z"),
    ]);
    expect(replay.events.map((e) => [e.kind, e.toStatus])).toEqual([
      ["created", "new"],
      ["status_changed", "open"],
      ["log_activity", null],
      ["status_changed", "resolved"],
      ["status_changed", "closed"],
      ["log_activity", null],
    ]);
    expect(replay.resolvedAt?.toISOString()).toBe("2012-01-02T09:00:00.000Z");
    expect(replay.outOfOrder).toBe(1);
  });

  it("maps BPI 2013 waits, impact, support group and product", () => {
    const replay = replayTicketLog("bpi2013", [
      entry("Accepted/In Progress", "2010-03-31T16:59:42+02:00", { priority: "normal", team: "V30", product: "PROD582", organization: "Org line A2" }),
      entry("Accepted/Wait - User", "2010-04-01T09:00:00+02:00", { team: "V30" }),
      entry("Queued/Awaiting Assignment", "2010-04-01T10:00:00+02:00", { team: "V5 3rd" }),
      entry("Completed/Resolved", "2010-04-06T16:44:51+02:00", { team: "V13 2nd 3rd" }),
    ]);
    expect(replay.events.map((e) => e.toStatus)).toEqual(["new", "open", "pending_customer", null, "resolved"]);
    expect(replay).toMatchObject({ status: "resolved", team: "V13 2nd 3rd", product: "PROD582", organization: "Org line A2", priority: "normal", handoffs: 2 });
    expect(replay.firstResponseAt?.toISOString()).toBe("2010-03-31T14:59:42.000Z");
  });
});
