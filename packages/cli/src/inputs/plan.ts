// Turns the command line's arguments into a list of inputs, checking each before any work starts
// (a typo fails fast with exit code 2, not after an hour of scanning).
//   -                      standard input (one message, or an mbox)
//   http://… / https://…   a URL
//   an existing path       a file (one message, or an mbox) or a folder (walked for mail files)
//   example.com/path       not a path but a registrable domain: a URL without a scheme
import { stat } from "node:fs/promises";
import { parse } from "tldts";
import { walkFolder } from "./walk.ts";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export type Input =
  | { type: "file"; path: string; size: number }
  | { type: "stdin" }
  | { type: "url"; url: string };

export interface Plan {
  inputs: Input[];
  /** Bytes of every file to read (progress), null when standard input is among them. */
  totalBytes: number | null;
}

const SCHEME = /^https?:\/\//i;

/** "paypa1-secure.top/login" or "192.0.2.7/x": a host under a public suffix (or an IP), no spaces. */
export function looksLikeBareUrl(arg: string): boolean {
  if (/\s/.test(arg) || arg.startsWith("-") || arg.startsWith(".") || arg.startsWith("/")) return false;
  const host = parse(`http://${arg}`);
  return host.isIp === true || (host.domain !== null && host.isIcann === true);
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw new UsageError(`${path}: cannot read (${code ?? String(err)})`);
  }
}

export async function planInputs(args: readonly string[]): Promise<Plan> {
  const inputs: Input[] = [];
  let stdin = false;
  for (const arg of args) {
    if (arg === "-") {
      if (stdin) throw new UsageError("`-` (standard input) can be given only once");
      stdin = true;
      inputs.push({ type: "stdin" });
      continue;
    }
    if (SCHEME.test(arg)) {
      inputs.push({ type: "url", url: arg });
      continue;
    }
    const info = await statOrNull(arg);
    if (info?.isDirectory()) {
      const files = await walkFolder(arg);
      if (files.length === 0) throw new UsageError(`${arg}: no mail files in this folder (looked for *.eml, *.mbox, *.mbx and Maildir cur/ and new/, recursively)`);
      for (const f of files) inputs.push({ type: "file", path: f.path, size: f.size });
    } else if (info?.isFile()) {
      inputs.push({ type: "file", path: arg, size: info.size });
    } else if (info === null && looksLikeBareUrl(arg)) {
      inputs.push({ type: "url", url: arg });
    } else if (info === null) {
      throw new UsageError(`${arg}: no such file or folder, and not a URL (URLs start with http:// or https://, or are a domain such as example.com/login)`);
    } else {
      throw new UsageError(`${arg}: not a regular file or folder`);
    }
  }
  if (inputs.length === 0) throw new UsageError("nothing to scan: give .eml files, mbox mailboxes, folders, URLs, or - for standard input");
  const totalBytes = stdin ? null : inputs.reduce((sum, i) => sum + (i.type === "file" ? i.size : 0), 0);
  return { inputs, totalBytes };
}
