// `npm run bench [-- --data DIR] [--only NAME]`: runs every bench section in order and prints its numbers.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchContext } from "./section.ts";
import { SECTIONS } from "./sections/index.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dataDir = resolve(argValue("--data") ?? join(repoRoot, "../shared/data"));
const workDir = join(repoRoot, ".local/bench");
mkdirSync(workDir, { recursive: true });
const ctx: BenchContext = {
  repoRoot,
  dataDir: existsSync(dataDir) ? dataDir : null,
  workDir,
  log: (line) => console.log(line),
};
if (!ctx.dataDir) console.log(`note: no training data at ${dataDir}; data-driven sections are skipped (pass --data DIR).`);

const only = argValue("--only");
for (const section of SECTIONS) {
  if (only && section.name !== only) continue;
  console.log(`\n## ${section.name}`);
  await section.run(ctx);
}
