import { describe, expect, it } from "vitest";
import { EmailParseError, MAX_HEADER_BYTES, parseEmail, stripMboxFromLine } from "./parse.ts";
import { countMimeDelimiters, MAX_MIME_PARTS } from "./mime-parts.ts";
import { fixture } from "./fixture.ts";

describe("parseEmail", () => {
  it("strips a leading mbox From line so it is not read as a header", async () => {
    const parsed = await parseEmail(fixture("mbox-from-line.eml"));
    expect(parsed.from).toEqual({ name: "Sam Sender", address: "sender@example.org" });
    expect(parsed.subject).toBe("Re: build failure on sparc");
    expect(parsed.headers[0]?.key).toBe("return-path");
    expect(parsed.headers.some((h) => h.value.includes("Sat Jan"))).toBe(false);
    expect(stripMboxFromLine("From a@b Mon\nSubject: x\n")).toBe("Subject: x\n");
    expect(stripMboxFromLine("From: a@b\n")).toBe("From: a@b\n");
  });

  it("still analyses a message whose MIME boundary never appears", async () => {
    const parsed = await parseEmail(fixture("broken-mime.eml"));
    expect(parsed.degraded).toBe(true);
    expect(parsed.subject).toBe("Mailbox storage is full");
    expect(parsed.text).toContain("http://mail-quota.example/owa/login");
  });

  it("decodes quoted-printable so a URL split by a soft line break is whole", async () => {
    const parsed = await parseEmail(fixture("qp-soft-break-url.eml"));
    expect(parsed.html).toContain(
      'href="https://paypa1-secure.top/account/verify/session/8f2e1c9a7b6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f?email=recipient%40example.com"',
    );
  });

  it("decodes encoded-word subjects and display names", async () => {
    const raw = "From: =?UTF-8?B?UGF5UGFs?= <x@mailer.example>\nSubject: =?UTF-8?Q?Konto_gesperrt_=E2=80=93_jetzt_best=C3=A4tigen?=\n\nbody\n";
    const parsed = await parseEmail(raw);
    expect(parsed.from?.name).toBe("PayPal");
    expect(parsed.subject).toBe("Konto gesperrt – jetzt bestätigen");
  });

  it("reads attachments with their real first bytes", async () => {
    const parsed = await parseEmail(fixture("double-extension.eml"));
    const names = parsed.attachments.map((a) => a.filename);
    expect(names).toEqual(["Invoice_2291.pdf.exe", "Remittance.html", "Statement.docm"]);
    expect(parsed.attachments[0]?.head.startsWith("MZ")).toBe(true);
    expect(parsed.attachments[1]?.text).toContain("<form");
  });

  it("accepts ArrayBuffer, Uint8Array and string input alike", async () => {
    const bytes = fixture("legit-brand.eml");
    const a = await parseEmail(bytes);
    const b = await parseEmail(bytes.slice().buffer);
    const c = await parseEmail(new TextDecoder().decode(bytes));
    expect(b.subject).toBe(a.subject);
    expect(c.text).toBe(a.text);
  });

  it("refuses input that is not an e-mail with a typed, clear error", async () => {
    await expect(parseEmail("")).rejects.toThrow(EmailParseError);
    await expect(parseEmail("just some words, no headers")).rejects.toThrow(/does not start with e-mail headers/);
    const garbage = new Uint8Array(2048);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 37) % 256;
    await expect(parseEmail(garbage)).rejects.toThrow(/binary/);
    await expect(parseEmail(42 as unknown as string)).rejects.toThrow(EmailParseError);
  });

  it("skips blank lines pasted before the headers", async () => {
    const parsed = await parseEmail("\r\n\n  \nFrom: a@example.com\nSubject: pasted\n\nbody\n");
    expect(parsed.subject).toBe("pasted");
    expect(parsed.from?.address).toBe("a@example.com");
  });

  it("keeps a message with headers only", async () => {
    const parsed = await parseEmail("From: a@example.com\nSubject: empty\n");
    expect(parsed.subject).toBe("empty");
    expect(parsed.text ?? "").toBe("");
  });
});

describe("MIME part limit", () => {
  const multipart = (parts: number) =>
    `From: a@mail.example\r\nSubject: parts\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n${"--b1\r\nContent-Type: text/plain\r\n\r\nx\r\n".repeat(parts)}--b1--\r\n`;

  it("parses a message with 999 parts", async () => {
    const parsed = await parseEmail(multipart(999));
    expect(parsed.subject).toBe("parts");
    expect(parsed.text).toContain("x");
  });

  it("refuses one with more parts than MAX_MIME_PARTS with EmailParseError (the API's 422)", async () => {
    await expect(parseEmail(multipart(MAX_MIME_PARTS))).rejects.toThrow(new EmailParseError("the message has more than 1,000 MIME parts (1,001 boundary lines)"));
    await expect(parseEmail(multipart(29_000))).rejects.toBeInstanceOf(EmailParseError);
  });

  it("counts only delimiter lines of declared boundaries", () => {
    expect(countMimeDelimiters('Content-Type: multipart/mixed; boundary=abc\r\n\r\n--abc\r\nx\r\n-- \r\n--abcd\r\n--abc--\r\n')).toBe(2);
    expect(countMimeDelimiters("Subject: no multipart\r\n\r\n--abc\r\n--abc--\r\n")).toBe(0);
    expect(countMimeDelimiters('--q\r\nContent-Type: multipart/alternative; BOUNDARY = "q"\r\n--q\r\n--q--')).toBe(3);
  });
});

describe("header size limit", () => {
  it("parses 200 KB of headers and refuses more than MAX_HEADER_BYTES with EmailParseError", async () => {
    const headers = (bytes: number) => `From: a@mail.example\r\nSubject: big\r\n${"X-A: b\r\n".repeat(Math.ceil(bytes / 8))}\r\nhi`;
    expect((await parseEmail(headers(200 * 1024))).subject).toBe("big");
    // postal-mime counts header bytes without line ends: 8-byte lines carry 6.
    await expect(parseEmail(headers(MAX_HEADER_BYTES * 1.4))).rejects.toThrow(new EmailParseError("the message's headers (all parts together) are larger than 256 KB"));
    await expect(parseEmail(`From: ${"a".repeat(1024 * 1024)} <a@mail.example>\r\n\r\nhi`)).rejects.toBeInstanceOf(EmailParseError);
  });
});
