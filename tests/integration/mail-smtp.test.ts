import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeLoopbackPort } from "@/db/embedded/free-port";
import { sendMail } from "@/server/mail/mailer";

// A local SMTP listener stands in for the museum's mail server; SMTP_URL points at it before the config is first read.
const received: { from: string; to: string[]; data: string }[] = [];
let server: SMTPServer;
beforeAll(async () => {
  const port = await freeLoopbackPort();
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((to) => to.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("mail with SMTP_URL set", () => {
  it("goes to that SMTP server, attachments and all", async () => {
    await sendMail({
      messageId: "order-1001-confirmation@museum.example",
      from: "tickets@museum.example",
      to: "asha@example.org",
      subject: "Your tickets, order 1001",
      text: "Attached.",
      attachments: [{ filename: "tickets-1001.pdf", content: Buffer.from("%PDF-1.7"), contentType: "application/pdf" }],
    });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: "tickets@museum.example", to: ["asha@example.org"] });
    expect(received[0]!.data).toContain("Subject: Your tickets, order 1001");
    expect(received[0]!.data).toContain("Message-ID: <order-1001-confirmation@museum.example>");
    expect(received[0]!.data).toContain('filename=tickets-1001.pdf');
  });
});
