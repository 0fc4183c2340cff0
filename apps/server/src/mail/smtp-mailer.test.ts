import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailer } from "./smtp-mailer.ts";

interface Received {
  from: string;
  to: string[];
  data: string;
}

describe("SMTP mailer", () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith("@refused.example")) callback(new Error("550 no such mailbox"));
        else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("delivers a survey email with a non-ASCII subject to the SMTP server", async () => {
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: "Acme <survey@acme.example>" });
    await mailer.send({ to: "aiko@example.jp", subject: "ご意見をお聞かせください", text: "https://t.example/s/abc.def\n" });
    mailer.close();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: "survey@acme.example", to: ["aiko@example.jp"] });
    expect(received[0]?.data).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(received[0]?.data).toContain("https://t.example/s/abc.def");
  });

  it("rejects with the server's answer when a recipient is refused", async () => {
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: "survey@acme.example" });
    await expect(mailer.send({ to: "x@refused.example", subject: "s", text: "t" })).rejects.toThrow(/no such mailbox/);
    mailer.close();
  });
});
