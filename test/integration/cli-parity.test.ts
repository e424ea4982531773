// `traceo scan` and the API answer the same JSON for the same message: the CLI's in-process records
// are `reportFields(analysis)` (packages/detector/src/report.ts) next to the message's source. Here,
// inside workerd, every fixture message and URL goes through the analyze Worker, and its answer
// without `id` and `created_at` must equal that mapping byte for byte. (`npm run cli:parity` checks
// the same on 1,000 shared-data messages, running the CLI both ways against `npm run dev`.)
import { describe, expect, it } from "vitest";
import mailbox from "../fixtures/mailbox.mbox?raw";
import urlList from "../fixtures/urls.txt?raw";
import { analyzeEmail, analyzeUrl, reportFields, urlInputProblem } from "@traceo/detector";
import { splitMbox } from "../../packages/cli/src/inputs/mbox.ts";
import { WINDOWS_1252_HIGH_HALF } from "../../packages/cli/src/analyze/windows-1252-table.ts";
import { call, createKey, expectProblem, postJson } from "../support/harness.ts";

const created = await createKey({ tier: "enterprise" });

/** The API's answer as the CLI's --api records carry it, and the identity fields checked apart. */
async function apiAnswer(res: Response): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(200);
  const text = await res.text();
  const { id, created_at, ...fields } = JSON.parse(text) as Record<string, unknown>;
  expect(id).toMatch(/^rep_/);
  expect(Object.keys(JSON.parse(text)).slice(0, 2)).toEqual(["id", "created_at"]);
  expect(typeof created_at).toBe("string");
  return JSON.stringify(fields);
}

async function messagesOf(box: string): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const m of splitMbox([new TextEncoder().encode(box)])) out.push(m.bytes);
  return out;
}

// Bytes 0x80-0x9F in windows-1252 (and latin1, which the Encoding Standard reads as windows-1252):
// Node's TextDecoder gets these wrong; the CLI patches it (analyze/windows-1252.ts) to match workerd.
const CP1252_MESSAGE = Uint8Array.from([
  ...new TextEncoder().encode("From: Shop <news@shop.example>\r\nSubject: =?windows-1252?Q?You=92ve_earned_=80_20?=\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n"),
  0x93, ...new TextEncoder().encode("Claim it"), 0x94, 0x20, 0x97, ...new TextEncoder().encode(" http://shop.example/offer\r\n"),
]);

describe("the analyze Worker answers what the CLI's in-process mapping gives", () => {
  it("for every message of the fixture mailbox", async () => {
    const messages = await messagesOf(mailbox);
    expect(messages).toHaveLength(5);
    for (const raw of messages) {
      const res = await call("/v1/analyze/email", { method: "POST", key: created.key, headers: { "content-type": "message/rfc822" }, body: raw });
      expect(await apiAnswer(res)).toBe(JSON.stringify(reportFields(await analyzeEmail(raw))));
    }
  });

  it("for every fixture URL", async () => {
    const urls = urlList.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) {
      expect(await apiAnswer(await postJson("/v1/analyze/url", created.key, { url }))).toBe(JSON.stringify(reportFields(analyzeUrl(url))));
    }
  });

  it("refuses the URL inputs the CLI refuses, with the same words", async () => {
    for (const url of ["http://intranet/login", "http://a b.example/", "javascript:alert(1)", "data:text/html,hi"]) {
      const problem = (await expectProblem(await postJson("/v1/analyze/url", created.key, { url }), 422)) as { errors?: { message: string }[] };
      expect(problem.errors?.[0]?.message).toBe(urlInputProblem(url));
    }
  });

  it("decodes windows-1252 text as the Encoding Standard says (the table the CLI's Node patch uses)", async () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    for (const label of ["windows-1252", "latin1", "iso-8859-1"]) expect(new TextDecoder(label).decode(bytes)).toBe(WINDOWS_1252_HIGH_HALF);
    const res = await call("/v1/analyze/email", { method: "POST", key: created.key, headers: { "content-type": "message/rfc822" }, body: CP1252_MESSAGE });
    const answer = await apiAnswer(res);
    expect(JSON.parse(answer).subject).toBe("You’ve earned € 20");
    expect(answer).toBe(JSON.stringify(reportFields(await analyzeEmail(CP1252_MESSAGE))));
  });
});
