import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvHeader, csvRow } from "./csv.ts";
import { exitCode, newTally, count } from "./summary.ts";
import { fit, safeText } from "./terminal-text.ts";
import { renderTable, tableRow } from "./table.ts";
import type { ScanRecord } from "./record.ts";

const reason = (message: string) => ({ feature: "f", value: 1, contribution: 1.5, message });
const record = (over: Partial<Extract<ScanRecord, { kind: string }>> = {}): ScanRecord => ({
  source: { file: "box.mbox", index: 2, offset: 1234, url: null },
  kind: "email", verdict: "phishing", score: 97, probability: 0.97, model_version: "email-1", reasons: [reason("A button asks you to act.")],
  urls: [{ url: "http://a.test/", registrable_domain: "a.test", score: 20, probability: 0.2, verdict: "legitimate", reasons: [] }, { url: "http://b.top/x", registrable_domain: "b.top", score: 90, probability: 0.9, verdict: "phishing", reasons: [] }],
  headers: { spf: "fail", dkim: null, dmarc: "none", from_address: "a@b.top", from_display_name: null, from_domain: "b.top", reply_to_domain: null, return_path_domain: "c.top", reply_to_aligned: null, return_path_aligned: false },
  subject: "Verify, \"now\"", ...over,
});

/** RFC 4180 line → cells (test helper). */
export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = "";
    if (line[i] === '"') {
      for (i++; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') (cell += '"'), i++;
        else if (line[i] === '"') break;
        else cell += line[i];
      }
      i++;
    } else {
      while (i < line.length && line[i] !== ",") cell += line[i++];
    }
    cells.push(cell);
    if (i >= line.length) return cells;
    i++; // the comma
  }
}

describe("CSV", () => {
  it("has one cell per column, quotes commas and quotes, and names the riskiest link", () => {
    expect(csvHeader().split(",")).toEqual([...CSV_COLUMNS]);
    const cells = parseCsvLine(csvRow(record()));
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, cells[i]]));
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    expect(row).toMatchObject({ file: "box.mbox", index: "2", offset: "1234", verdict: "phishing", score: "97", subject: 'Verify, "now"', spf: "fail", dkim: "", link_count: "2", riskiest_link: "http://b.top/x", error: "" });
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    const cells = parseCsvLine(csvRow(record({ subject: "=HYPERLINK(\"http://evil.top\")", reasons: [reason("+1 trick")] })));
    expect(cells[CSV_COLUMNS.indexOf("subject")]).toBe("'=HYPERLINK(\"http://evil.top\")");
    expect(cells[CSV_COLUMNS.indexOf("top_reason")]).toBe("'+1 trick");
  });

  it("writes an error row with its status", () => {
    const cells = parseCsvLine(csvRow({ source: { file: "x.eml", index: null, offset: null, url: null }, error: { status: 422, detail: "not an email" } }));
    expect([cells[0], cells[1], cells[CSV_COLUMNS.indexOf("error_status")], cells[CSV_COLUMNS.indexOf("error")]]).toEqual(["x.eml", "", "422", "not an email"]);
  });
});

describe("terminal text", () => {
  it("removes escape sequences, bidi overrides and zero-width characters from mail text", () => {
    expect(safeText("Pay\x1b]0;owned\x07 now\u202Egnp.exe\u200b!")).toBe("Pay ]0;owned now gnp.exe !");
  });

  it("cuts cells to their width with an ellipsis, from either end", () => {
    expect(fit("abcdef", 4)).toBe("abc…");
    expect(fit("abcdef", 4, "start")).toBe("…def");
    expect(fit("ab", 4)).toBe("ab  ");
  });

  it("renders rows no wider than the terminal", () => {
    const rows = [tableRow(record({ subject: "x".repeat(300), reasons: [reason("y".repeat(300))] })), tableRow({ source: { file: null, index: null, offset: null, url: "http://z.top" }, error: { status: 422, detail: "bad" } })];
    const lines = renderTable(rows, 100, false);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(100);
    expect(lines[2]).toMatch(/^error\s+http:\/\/z\.top\s+422 bad\s+url$/);
  });
});

describe("exit code", () => {
  const tallyOf = (...records: ScanRecord[]) => {
    const t = newTally();
    for (const r of records) count(t, r);
    return t;
  };
  it("is 2 when an item failed, even if another is phishing; else 1 when something is phishing (or suspicious with --fail-on suspicious); else 0", () => {
    const err: ScanRecord = { source: { file: "x", index: null, offset: null, url: null }, error: { status: 422, detail: "x" } };
    expect(exitCode(tallyOf(record({ verdict: "legitimate" })), "phishing")).toBe(0);
    expect(exitCode(tallyOf(record({ verdict: "suspicious" })), "phishing")).toBe(0);
    expect(exitCode(tallyOf(record({ verdict: "suspicious" })), "suspicious")).toBe(1);
    expect(exitCode(tallyOf(record({ verdict: "phishing" })), "phishing")).toBe(1);
    expect(exitCode(tallyOf(record({ verdict: "phishing" }), err), "phishing")).toBe(2);
    expect(exitCode(tallyOf(record({ verdict: "suspicious" }), err), "suspicious")).toBe(2);
    expect(exitCode(tallyOf(record({ verdict: "legitimate" }), err), "phishing")).toBe(2);
  });
});
