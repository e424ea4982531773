import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { escapeMboxBody, splitMbox, type MboxMessage } from "./mbox.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const text = (m: MboxMessage) => new TextDecoder().decode(m.bytes);

async function split(input: string | Uint8Array, chunkSize?: number): Promise<MboxMessage[]> {
  const bytes = typeof input === "string" ? enc(input) : input;
  const chunks: Uint8Array[] = [];
  const size = chunkSize ?? bytes.length;
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
  const out: MboxMessage[] = [];
  for await (const m of splitMbox(chunks)) out.push(m);
  return out;
}

const ENV = "From alice@example.org Thu Dec  3 19:33:38 2026";

describe("splitMbox", () => {
  it("splits on envelope lines, drops the separating blank line and keeps everything else byte for byte", async () => {
    const box = `${ENV}\nSubject: one\n\nbody one\n\n${ENV}\nSubject: two\n\nbody two\n\n\n${ENV}\nSubject: three\n\nthree`;
    const msgs = await split(box);
    expect(msgs.map(text)).toEqual(["Subject: one\n\nbody one\n", "Subject: two\n\nbody two\n\n", "Subject: three\n\nthree"]);
    expect(msgs.map((m) => m.index)).toEqual([0, 1, 2]);
    expect(msgs.map((m) => m.envelope)).toEqual([ENV.slice(5), ENV.slice(5), ENV.slice(5)]);
    expect(msgs.map((m) => m.offset)).toEqual([0, box.indexOf(ENV, 1), box.lastIndexOf(ENV)]);
  });

  it("reads CRLF mailboxes and keeps the CRLF line endings of each message", async () => {
    const box = `${ENV}\r\nSubject: a\r\n\r\nA\r\n\r\n${ENV}\r\nSubject: b\r\n\r\nB\r\n\r\n`;
    expect((await split(box)).map(text)).toEqual(["Subject: a\r\n\r\nA\r\n", "Subject: b\r\n\r\nB\r\n"]);
  });

  it("un-escapes >From lines (mboxrd: one > fewer) and leaves other quoted lines alone", async () => {
    const box = `${ENV}\nSubject: q\n\n>From here\n>>From there\n> From spaced\n>Fromage\nFrom: not an envelope\n`;
    expect(text((await split(box))[0]!)).toBe("Subject: q\n\nFrom here\n>From there\n> From spaced\n>Fromage\nFrom: not an envelope\n");
  });

  it("does not split on a From line that follows text, nor on prose after a blank line", async () => {
    const box = `${ENV}\nSubject: p\n\nquoted:\nFrom me to you Thu 10:30\n\nFrom the desk of the CEO\n`;
    const msgs = await split(box);
    expect(msgs).toHaveLength(1);
    expect(text(msgs[0]!)).toContain("From the desk of the CEO");
  });

  it("gives the same messages whatever the chunk boundaries (1 byte, CR/LF split, odd sizes)", async () => {
    const box = `\n\n${ENV}\r\nSubject: a\r\n\r\n>From A\r\n\r\n${ENV}\nSubject: b\n\nB`;
    const whole = (await split(box)).map((m) => [text(m), m.offset, m.envelope]);
    for (const size of [1, 2, 3, 7, 64]) expect((await split(box, size)).map((m) => [text(m), m.offset, m.envelope])).toEqual(whole);
    expect(whole.map((w) => w[0])).toEqual(["Subject: a\r\n\r\nFrom A\r\n", "Subject: b\n\nB"]);
  });

  it("keeps text before the first envelope as a message without one; blank lines alone are not a message", async () => {
    expect(await split("")).toEqual([]);
    expect(await split("\n\n")).toEqual([]);
    const msgs = await split(`Subject: stray\n\nx\n\n${ENV}\nSubject: y\n\ny\n`);
    expect(msgs.map((m) => [m.envelope, text(m)])).toEqual([[null, "Subject: stray\n\nx\n"], [ENV.slice(5), "Subject: y\n\ny\n"]]);
  });

  it("yields an envelope with no lines as an empty message (the scan reports it, like the API's 400)", async () => {
    expect((await split(`${ENV}\n\n${ENV}\nSubject: z\n\nz\n`)).map(text)).toEqual(["", "Subject: z\n\nz\n"]);
  });

  it("passes 8-bit bytes through untouched", async () => {
    const latin = Uint8Array.from([...enc(`${ENV}\nSubject: caf`), 0xe9, 0xff, 0x0a, 0x0a, 0xfe, 0x80]);
    const [m] = await split(latin, 5);
    expect(Array.from(m!.bytes.slice(-6))).toEqual([0x66, 0xe9, 0xff, 0x0a, 0x0a, 0xfe, 0x80].slice(-6));
  });

  it("round-trips the fixture emails through escapeMboxBody and the fixture mailbox", async () => {
    const names = ["legit-parcel-delivered", "legit-personal-note", "phishing-verify-account", "phishing-wallet-locked"];
    const fixtures = names.map((n) => readFileSync(new URL(`../../../../test/fixtures/emails/${n}.eml`, import.meta.url)));
    const box = readFileSync(new URL("../../../../test/fixtures/mailbox.mbox", import.meta.url));
    const msgs = await split(box, 4096);
    expect(msgs).toHaveLength(5);
    for (const [i, f] of fixtures.entries()) expect(Buffer.from(msgs[i]!.bytes).equals(f)).toBe(true);
    expect(text(msgs[4]!)).toContain("\n\nFrom the meeting: the release moves to Friday.\n>From an earlier mail");
    expect(escapeMboxBody("From a\n>From b\nx From c\n")).toBe(">From a\n>>From b\nx From c\n");
  });
});
