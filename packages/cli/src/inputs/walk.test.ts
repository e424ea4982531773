import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { walkFolder } from "./walk.ts";
import { looksLikeBareUrl, planInputs, UsageError } from "./plan.ts";

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), "traceo-walk-"));
  for (const f of files) {
    mkdirSync(join(root, f, ".."), { recursive: true });
    writeFileSync(join(root, f), "Subject: x\n\nx\n");
  }
  return root;
}

describe("walkFolder", () => {
  it("finds .eml, .mbox/.mbx (any case) and Maildir files recursively, sorted, skipping the rest", async () => {
    const root = tree([
      "b.eml", "a.EML", "notes.txt", "README.md", "box.mbox", "old/archive.MBX", "old/deeper/x.eml",
      "Maildir/cur/1700000000.M1P2.host:2,S", "Maildir/new/1700000001.M3P4.host", "Maildir/tmp/partial",
      ".hidden.eml", ".git/config.eml",
    ]);
    const found = (await walkFolder(root)).map((f) => relative(root, f.path));
    expect(found).toEqual([
      "Maildir/cur/1700000000.M1P2.host:2,S", "Maildir/new/1700000001.M3P4.host",
      "a.EML", "b.eml", "box.mbox", "old/archive.MBX", "old/deeper/x.eml",
    ]);
    expect((await walkFolder(root)).every((f) => f.size === 14)).toBe(true);
  });

  it("does not follow a symbolic link to a folder (no loops), but reads a linked file", async () => {
    const root = tree(["inbox/m.eml"]);
    symlinkSync(root, join(root, "inbox/loop"));
    symlinkSync(join(root, "inbox/m.eml"), join(root, "linked.eml"));
    symlinkSync(join(root, "missing.eml"), join(root, "dangling.eml"));
    expect((await walkFolder(root)).map((f) => relative(root, f.path))).toEqual(["inbox/m.eml", "linked.eml"]);
  });
});

describe("planInputs", () => {
  it("tells URLs, bare domains, files, folders and standard input apart, and totals the bytes", async () => {
    const root = tree(["in/a.eml", "in/b.mbox", "one.msg"]);
    const plan = await planInputs(["https://paypa1-secure.top/login", "paypa1-secure.top/x", join(root, "in"), join(root, "one.msg")]);
    expect(plan.inputs.map((i) => i.type)).toEqual(["url", "url", "file", "file", "file"]);
    expect(plan.totalBytes).toBe(3 * 14);
    expect((await planInputs(["-"])).totalBytes).toBeNull();
  });

  it("fails before any work on a missing path, an empty folder or a second -", async () => {
    const root = tree(["notes.txt"]);
    await expect(planInputs([join(root, "nope.eml")])).rejects.toThrow(/nope\.eml: no such file or folder, and not a URL/);
    await expect(planInputs([root])).rejects.toThrow(/no mail files in this folder/);
    await expect(planInputs(["-", "-"])).rejects.toBeInstanceOf(UsageError);
    await expect(planInputs([])).rejects.toThrow(/nothing to scan/);
  });

  it("reads a bare argument as a URL only when its host is under a public suffix or an IP", () => {
    expect(looksLikeBareUrl("paypa1-secure.top/login")).toBe(true);
    expect(looksLikeBareUrl("github.com")).toBe(true);
    expect(looksLikeBareUrl("192.0.2.7/x")).toBe(true);
    expect(looksLikeBareUrl("inbox.mbox")).toBe(false);
    expect(looksLikeBareUrl("mail.eml")).toBe(false);
    expect(looksLikeBareUrl("intranet")).toBe(false);
    expect(looksLikeBareUrl("./x.com")).toBe(false);
    expect(looksLikeBareUrl("--format")).toBe(false);
  });
});
