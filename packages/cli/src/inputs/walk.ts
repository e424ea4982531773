// Which files a folder argument stands for: recursively, in a stable (sorted) order, the files that
// hold mail: *.eml, *.mbox / *.mbx, and the message files of Maildir folders (cur/ and new/).
// Hidden entries are skipped, and symbolic links to folders are not followed (no loops).
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";

export const MESSAGE_EXTENSIONS = [".eml"];
export const MBOX_EXTENSIONS = [".mbox", ".mbx"];

export interface FoundFile {
  path: string;
  size: number;
}

function holdsMail(path: string): boolean {
  const ext = extname(path).toLowerCase();
  if (MESSAGE_EXTENSIONS.includes(ext) || MBOX_EXTENSIONS.includes(ext)) return true;
  // Maildir: every file in cur/ or new/ is one message (names like 1700000000.M1P2.host:2,S).
  const parent = basename(dirname(path));
  return parent === "cur" || parent === "new";
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function walkFolder(dir: string): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => byName(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...(await walkFolder(path)));
    } else if ((entry.isFile() || entry.isSymbolicLink()) && holdsMail(path)) {
      const info = await stat(path).catch(() => null); // a dangling link is skipped
      if (info?.isFile()) out.push({ path, size: info.size });
    }
  }
  return out;
}
