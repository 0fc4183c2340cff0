import { describe, expect, it } from "vitest";
import type { Customer, Repositories, TimelineEvent } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { revealPersonalData } from "./reveal-personal-data.ts";

const ctx = { workspaceId: "ws_1", actorId: "usr_1", role: "admin", purpose: null, requestId: "req_1" } as unknown as RequestContext;
const customer = { id: "cus_1", kind: "person", externalId: null, name: "Alba Díaz", email: "alba@example.com", phone: "+34 600 111 222", attributes: {} } as unknown as Customer;
const event = { id: "evt_1", summary: "Customer Alba Díaz created (alba@example.com)", properties: {} } as unknown as TimelineEvent;
const deps = { repositories: { audit: { append: async () => undefined } } } as unknown as { repositories: Pick<Repositories, "consents" | "audit"> };

describe("revealPersonalData without a purpose", () => {
  it("masks the customer's name and e-mail inside timeline summaries", async () => {
    const [shown] = await revealPersonalData(ctx, deps, [{ customer, events: [event] }]);
    const summary = shown?.events?.[0]?.summary ?? "";
    expect(summary).not.toContain("Alba Díaz");
    expect(summary).not.toContain("alba@example.com");
    expect(summary).toContain("Customer ");
  });

  it("masks each word of the name standing alone, in any case and script, but not inside other words", async () => {
    const ru = { ...customer, name: "Ольга Петрова", email: null, phone: null } as unknown as Customer;
    const events = [
      { id: "evt_2", summary: "Called alba back; DÍAZ says the parcel is late. Albatross Ltd unaffected", properties: {} },
      { id: "evt_3", summary: "Звонок: ольга просит перезвонить", properties: {} },
    ] as unknown as TimelineEvent[];
    const [es] = await revealPersonalData(ctx, deps, [{ customer, events: [events[0] as TimelineEvent] }]);
    expect(es?.events?.[0]?.summary).toBe("Called A*** back; D*** says the parcel is late. Albatross Ltd unaffected");
    const [cyrillic] = await revealPersonalData(ctx, deps, [{ customer: ru, events: [events[1] as TimelineEvent] }]);
    expect(cyrillic?.events?.[0]?.summary).toBe("Звонок: О*** просит перезвонить");
  });
});
