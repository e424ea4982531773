// `traceo` run as a child process, as a user would, on the repository's fixtures.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeEmail, reportFields, toReport } from "@traceo/detector";
import "./analyze/local.ts"; // the same Node TextDecoder fix as the CLI's in-process analysis
import { decodeWindows1252, installWindows1252Fix } from "./analyze/windows-1252.ts";
import { WINDOWS_1252_HIGH_HALF } from "./analyze/windows-1252-table.ts";
import { splitMbox } from "./inputs/mbox.ts";
import { CSV_COLUMNS } from "./output/csv.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BIN = join(ROOT, "packages/cli/bin/traceo.mjs");
const EMAILS = "test/fixtures/emails";
const MBOX = "test/fixtures/mailbox.mbox";

function traceo(args: string[], opts: { stdin?: Uint8Array; env?: Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", TRACEO_API_KEY: "", ...opts.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.stdin ?? undefined);
  });
}

async function fixtureMessages(): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const m of splitMbox([readFileSync(join(ROOT, MBOX))])) out.push(m.bytes);
  return out;
}

describe("traceo scan (child process)", () => {
  it("scans a folder: a table, a summary, exit code 1 because two messages are phishing", async () => {
    const r = await traceo(["scan", EMAILS]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^VERDICT\s+SCORE\s+SUBJECT \/ URL\s+TOP REASON\s+SOURCE$/);
    expect(lines.slice(1, 5).map((l) => l.split(/\s+/)[0])).toEqual(["legitimate", "legitimate", "phishing", "phishing"]);
    expect(lines[3]).toContain("Urgent: Verify Your Account Now");
    expect(lines[5]).toBe("");
    expect(lines[6]).toBe("4 items: 2 phishing, 0 suspicious, 2 legitimate, 0 errors");
    expect(lines[7]).toMatch(/^\d+\.\d s, \d+\.\d msg\/s, in-process, models email-\w+$/);
    expect(r.stderr).toBe(""); // not a terminal and a short run: no progress lines
  });

  it("exits 0 when nothing is phishing, and 1 with --fail-on suspicious only if something is suspicious", async () => {
    const legit = [`${EMAILS}/legit-parcel-delivered.eml`, `${EMAILS}/legit-personal-note.eml`];
    expect((await traceo(["scan", "-q", ...legit])).code).toBe(0);
    expect((await traceo(["scan", "-q", "--fail-on", "suspicious", ...legit])).code).toBe(0);
  });

  it("writes JSON records that are the API's report fields next to the source, byte for byte", async () => {
    const r = await traceo(["scan", "--format", "json", MBOX]);
    expect(r.code).toBe(1);
    const records = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(records).toHaveLength(5);
    const box = readFileSync(join(ROOT, MBOX), "latin1");
    const messages = await fixtureMessages();
    for (const [i, record] of records.entries()) {
      const source = { file: MBOX, index: i, offset: [...box.matchAll(/^From MAILER-DAEMON/gm)][i]!.index, url: null };
      expect(JSON.stringify(record)).toBe(JSON.stringify({ source, ...reportFields(await analyzeEmail(messages[i]!)) }));
    }
    expect(Object.keys(records[0]!)).toEqual(["source", "kind", "verdict", "score", "probability", "model_version", "reasons", "urls", "headers", "subject"]);
    expect(r.stderr).toMatch(/^5 items: 2 phishing, 0 suspicious, 3 legitimate, 0 errors\n/); // the summary moves to stderr
  });

  it("writes CSV to --out and still prints the table; reads an mbox from standard input as jsonl", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "traceo-cli-")), "out.csv");
    const r = await traceo(["scan", "--format", "csv", "--out", out, MBOX]);
    expect(r.stdout).toContain("5 items: 2 phishing");
    const rows = readFileSync(out, "utf8").trimEnd().split("\r\n");
    expect(rows[0]).toBe(CSV_COLUMNS.join(","));
    expect(rows).toHaveLength(6);
    expect(rows[5]).toMatch(/^test\/fixtures\/mailbox\.mbox,4,\d+,,email,legitimate,/);

    const piped = await traceo(["scan", "--format", "jsonl", "-"], { stdin: readFileSync(join(ROOT, MBOX)) });
    const lines = piped.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { source: { file: string; index: number }; subject: string });
    expect(lines.map((l) => [l.source.file, l.source.index])).toEqual([0, 1, 2, 3, 4].map((i) => ["-", i]));
    expect(lines[4]!.subject).toBe("Notes from Tuesday");
  });

  it("analyses URLs and bare domains; an unusable URL is that row's error and makes the exit code 2", async () => {
    const r = await traceo(["scan", "--format", "json", "https://github.com/honojs/hono/releases", "www.egov.sc", "http://intranet/login"]);
    const records = JSON.parse(r.stdout) as { source: { url: string }; kind?: string; verdict?: string; error?: { status: number; detail: string } }[];
    expect(records.map((x) => x.source.url)).toEqual(["https://github.com/honojs/hono/releases", "www.egov.sc", "http://intranet/login"]);
    expect(records.slice(0, 2).map((x) => [x.kind, x.verdict])).toEqual([["url", "legitimate"], ["url", "legitimate"]]);
    expect(records[2]!.error).toEqual({ status: 422, detail: "Some URLs are not usable strings. (/url: not a web address: the host has no domain (e.g. example.com))" });
    expect(r.code).toBe(2);
  });

  it("exits 2 when an item could not be analysed even if another is phishing, counting both; an empty file says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "traceo-cli-"));
    const empty = join(dir, "empty.eml");
    writeFileSync(empty, "");
    const r = await traceo(["scan", "--format", "json", `${EMAILS}/phishing-verify-account.eml`, empty]);
    expect(r.code).toBe(2);
    const records = JSON.parse(r.stdout) as { verdict?: string; error?: { status: number; detail: string } }[];
    expect(records[0]!.verdict).toBe("phishing");
    expect(records[1]!.error).toEqual({ status: 400, detail: "The file is empty: there is no message to analyse." });
    expect(r.stderr).toMatch(/^2 items: 1 phishing, 0 suspicious, 0 legitimate, 1 error\n/);
    const stdin = await traceo(["scan", "--format", "json", "-"], { stdin: new Uint8Array(0) });
    expect((JSON.parse(stdin.stdout) as { error: { detail: string } }[])[0]!.error.detail).toBe("Standard input is empty: there is no message to analyse.");
  });

  it("exits 2 with one clear line on usage and input errors", async () => {
    const cases: [string[], RegExp][] = [
      [["scan", "nope.eml"], /^traceo: nope\.eml: no such file or folder, and not a URL/],
      [["scan", "--format", "xml", EMAILS], /--format must be one of table, json, jsonl, csv, not "xml"/],
      [["scan", "--api", "http://127.0.0.1:9", EMAILS], /--api needs an API key: --key KEY or the TRACEO_API_KEY/],
      [["scan", "--format", "json", "--out", "/nonexistent/dir/x.json", EMAILS], /^traceo: ENOENT: no such file or directory, open '\/nonexistent\/dir\/x\.json'/],
      [["frobnicate"], /unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const r = await traceo(args);
      expect([r.code, r.stdout]).toEqual([2, ""]);
      expect(r.stderr).toMatch(message);
    }
    const help = await traceo(["scan", "--help"]);
    expect([help.code, help.stdout.split("\n")[0]]).toEqual([0, "Usage: traceo scan [options] <input> ..."]);
  });

  it("decodes windows-1252 text as workerd does (Node's TextDecoder does not)", async () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(bytes)).toBe(WINDOWS_1252_HIGH_HALF);
    expect(new TextDecoder("latin1").decode(bytes)).toBe(WINDOWS_1252_HIGH_HALF); // patched in this process too
    expect(new TextDecoder("utf-8").decode(new TextEncoder().encode("é€"))).toBe("é€");
    expect(installWindows1252Fix()).toBe(false); // already standard: nothing to do twice
    const file = join(mkdtempSync(join(tmpdir(), "traceo-cli-")), "cp1252.eml");
    writeFileSync(file, Buffer.from("From: a@shop.example\r\nSubject: =?windows-1252?Q?You=92ve_earned_=80_20?=\r\n\r\nhi\r\n", "latin1"));
    const r = await traceo(["scan", "--format", "json", file]);
    expect((JSON.parse(r.stdout) as { subject: string }[])[0]!.subject).toBe("You’ve earned € 20");
  });
});

describe("traceo scan --api (against a local stand-in for the analyze endpoint)", () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  /** Answers like the analyze Worker (same detector and mapping); the first request gets a 429. */
  async function standIn(behaviour: "ok" | "broken"): Promise<{ base: string; stats: { requests: number; maxInFlight: number; keys: Set<string> } }> {
    const stats = { requests: 0, maxInFlight: 0, keys: new Set<string>() };
    let inFlight = 0;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const n = ++stats.requests;
        stats.keys.add(String(req.headers.authorization));
        stats.maxInFlight = Math.max(stats.maxInFlight, ++inFlight);
        await new Promise((r) => setTimeout(r, 30));
        inFlight--;
        const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { "content-type": status === 200 ? "application/json" : "application/problem+json", ...headers });
          res.end(JSON.stringify(body));
        };
        if (behaviour === "broken") return send(500, { type: "about:blank", title: "Internal Server Error", status: 500, detail: "Something broke." });
        if (n === 1) return send(429, { type: "about:blank", title: "Too Many Requests", status: 429, detail: "Rate limit exceeded." }, { "retry-after": "1" });
        send(200, toReport(await analyzeEmail(Buffer.concat(chunks)), `rep_${n}`, new Date()));
      });
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    return { base: `http://127.0.0.1:${port}`, stats };
  }

  it("sends each message with the key, at most --concurrency at once, waits out a 429, and gets the in-process JSON", async () => {
    const { base, stats } = await standIn("ok");
    const api = await traceo(["scan", "--format", "json", "--api", base, "--concurrency", "2", MBOX], { env: { TRACEO_API_KEY: "sk_test_parity" } });
    expect(api.code).toBe(1);
    const local = await traceo(["scan", "--format", "json", MBOX]);
    const strip = (records: Record<string, unknown>[]) => records.map(({ id: _id, created_at: _c, ...rest }) => rest);
    const apiRecords = JSON.parse(api.stdout) as Record<string, unknown>[];
    expect(apiRecords.every((r) => typeof r.id === "string" && typeof r.created_at === "string")).toBe(true);
    expect(JSON.stringify(strip(apiRecords))).toBe(JSON.stringify(JSON.parse(local.stdout)));
    expect(stats).toMatchObject({ requests: 6, maxInFlight: 2, keys: new Set(["Bearer sk_test_parity"]) });
    expect(api.stderr).toMatch(/via http:\/\/127\.0\.0\.1:\d+/);
    expect(api.stderr).toMatch(/^5 items: 2 phishing/); // the 429 was waited out, not reported
  });

  it("stops with exit code 2 and the server's words on a 500", async () => {
    const { base } = await standIn("broken");
    const r = await traceo(["scan", "--api", base, "--key", "sk_test_x", MBOX]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^traceo: the API failed with 500 on test\/fixtures\/mailbox\.mbox message \d: Something broke\.\n$/);
  });
});
