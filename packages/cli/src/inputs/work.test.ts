import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { looksLikeMbox, workItems, type Work } from "./work.ts";

const ENV = "From a@b.example Thu Dec  3 19:33:38 2026\n";
const enc = (s: string) => new TextEncoder().encode(s);

async function collect(paths: string[]): Promise<Work[]> {
  const out: Work[] = [];
  for await (const w of workItems(paths.map((path) => ({ type: "file" as const, path, size: 0 })))) out.push(w);
  return out;
}

describe("workItems", () => {
  it("reads a file starting with a From line as an mbox, any other as one message, and a .eml always as one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "traceo-work-"));
    const box = `\ufeff\n${ENV}Subject: 1\n\n1\n\n${ENV}Subject: 2\n\n2\n`;
    writeFileSync(join(dir, "Inbox"), box);
    writeFileSync(join(dir, "saved.eml"), box);
    writeFileSync(join(dir, "plain.msg"), "Subject: 3\n\n3\n");
    const work = await collect([join(dir, "Inbox"), join(dir, "saved.eml"), join(dir, "plain.msg")]);
    expect(work.map((w) => [w.seq, w.source.file!.slice(dir.length + 1), w.source.index])).toEqual([
      [0, "Inbox", 0], [1, "Inbox", 1], [2, "saved.eml", null], [3, "plain.msg", null],
    ]);
    expect(work[2]!.kind === "email" && Buffer.from(work[2]!.raw).toString()).toBe(box);
    expect(work.map((w) => w.size)).toEqual([14, 14, Buffer.byteLength(box), 14]);
  });

  it("sniffs an mbox after a BOM and blank lines, not a message whose first header is From:", () => {
    expect(looksLikeMbox(enc(`\ufeff\r\n${ENV}`))).toBe(true);
    expect(looksLikeMbox(enc("From: a@b.example\n"))).toBe(false);
    expect(looksLikeMbox(enc(""))).toBe(false);
  });
});
