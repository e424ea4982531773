// `npm run train [-- --data DIR] [--skip-features] [--quick] [--models DIR]`: featurize the shared corpora with the detector's
// TypeScript feature module, train with xgboost (python/train.py via /usr/bin/python3), export the
// models, fixtures, plots and model card into packages/detector/models/, then check in TypeScript
// that the exported models reproduce xgboost's margins.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { featurizeEmails, featurizeUrls } from "./featurize.ts";
import { verifyExport } from "./verify-export.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const PYTHON = "/usr/bin/python3"; // the only interpreter with Debian's python3-xgboost and python3-sklearn

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dataDir = resolve(argValue("--data") ?? join(repoRoot, "../shared/data"));
  const workDir = resolve(argValue("--work") ?? join(repoRoot, ".local/train"));
  // --models DIR writes elsewhere, e.g. to check that a second run reproduces the committed models byte for byte.
  const modelsDir = resolve(argValue("--models") ?? join(repoRoot, "packages/detector/models"));
  if (!existsSync(dataDir)) {
    console.error(`training data not found at ${dataDir} (pass --data DIR)`);
    process.exit(2);
  }
  mkdirSync(workDir, { recursive: true });
  const emailTsv = join(workDir, "emails.tsv");
  const urlTsv = join(workDir, "urls.tsv");

  if (!process.argv.includes("--skip-features")) {
    let t = performance.now();
    const e = await featurizeEmails(dataDir, emailTsv, join(workDir, "email-links.tsv"));
    console.log(`emails: ${e.rows} rows featurized in ${((performance.now() - t) / 1000).toFixed(1)} s`, e.skipped);
    t = performance.now();
    const u = await featurizeUrls(dataDir, urlTsv);
    console.log(`urls: ${u.rows} rows featurized in ${((performance.now() - t) / 1000).toFixed(1)} s`, u.skipped);
  }

  const py = spawnSync(
    PYTHON,
    [join(repoRoot, "packages/trainer/python/train.py"), "--work", workDir, "--models", modelsDir, ...passThrough()],
    { stdio: "inherit", env: { ...process.env, OMP_WAIT_POLICY: "PASSIVE" } }, // no spin-waiting when cores are shared
  );
  if (py.status !== 0) {
    console.error(`train.py failed with status ${py.status}`);
    process.exit(1);
  }
  const problems = verifyExport(modelsDir);
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  console.log("TypeScript evaluator reproduces xgboost's margins on the parity fixtures.");
}

/** Flags meant for train.py (e.g. --quick to skip leave-one-source-out). */
function passThrough(): string[] {
  return ["--quick", "--no-plots"].filter((f) => process.argv.includes(f));
}

await main();
