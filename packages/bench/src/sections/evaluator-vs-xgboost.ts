// Our TypeScript evaluator (and evaluator + TreeSHAP) per row, beside xgboost's own predict on the
// same rows (python, one thread), as ratios. Rows are features of a sample of the shared data.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { emailModelInput } from "../../../detector/src/analyze.ts";
import { parseEmail } from "../../../detector/src/email/index.ts";
import { compileModel, predictMargin, type TreeEnsemble } from "../../../detector/src/model/evaluator.ts";
import { bindFeatures, toModelRow } from "../../../detector/src/model/feature-vector.ts";
import type { ModelJson } from "../../../detector/src/model/model-json.ts";
import { treeShap } from "../../../detector/src/model/treeshap.ts";
import { URL_FEATURE_NAMES, urlFeatures } from "../../../detector/src/url/index.ts";
import type { BenchContext, BenchSection } from "../section.ts";
import { sampleEmails, sampleUrls } from "./sample-data.ts";

const PYTHON = "/usr/bin/python3";

/** Best (lowest) mean time per row over several passes, in microseconds. */
function perRowUs(rows: Float32Array[], fn: (x: Float32Array) => unknown, passes = 5): number {
  let best = Number.POSITIVE_INFINITY;
  for (let p = 0; p < passes; p++) {
    const t = performance.now();
    for (const x of rows) fn(x);
    best = Math.min(best, (performance.now() - t) / rows.length);
  }
  return best * 1000;
}

function compare(ctx: BenchContext, kind: "email" | "url", rows: Float32Array[]): void {
  const modelPath = join(ctx.repoRoot, "packages/detector/models", `${kind}-model.json`);
  const model: TreeEnsemble = compileModel(JSON.parse(readFileSync(modelPath, "utf8")) as ModelJson);
  perRowUs(rows, (x) => treeShap(model, x), 1); // warm-up
  const evalUs = perRowUs(rows, (x) => predictMargin(model, x));
  const shapUs = perRowUs(rows, (x) => (predictMargin(model, x), treeShap(model, x)));
  const rowsPath = join(ctx.workDir, `${kind}-rows.tsv`);
  const marginsPath = join(ctx.workDir, `${kind}-margins.txt`);
  writeFileSync(rowsPath, rows.map((r) => Array.from(r, (v) => (Number.isNaN(v) ? "nan" : String(v))).join("\t")).join("\n") + "\n");
  writeFileSync(marginsPath, rows.map((r) => String(predictMargin(model, r))).join("\n") + "\n");
  const py = spawnSync(PYTHON, [join(ctx.repoRoot, "packages/bench/python/xgb_timing.py"), modelPath, rowsPath, marginsPath], {
    encoding: "utf8",
  });
  ctx.log(`${kind} model (${model.roots.length} trees, ${model.featureNames.length} features), ${rows.length} rows:`);
  ctx.log(`  TypeScript evaluator              ${evalUs.toFixed(2)} µs/row`);
  ctx.log(`  TypeScript evaluator + TreeSHAP   ${shapUs.toFixed(2)} µs/row`);
  if (py.status !== 0) {
    ctx.log(`  xgboost timing unavailable (${PYTHON}): ${py.stderr.trim().split("\n").pop()}`);
    return;
  }
  const x = JSON.parse(py.stdout) as {
    margins_identical: boolean;
    batch_predict_us_per_row: number;
    pred_contribs_us_per_row: number;
    single_row_predict_us: number;
  };
  ctx.log(`  xgboost predict, batch            ${x.batch_predict_us_per_row.toFixed(2)} µs/row   -> TS/xgboost ${(evalUs / x.batch_predict_us_per_row).toFixed(2)}x`);
  ctx.log(`  xgboost predict, one row per call ${x.single_row_predict_us.toFixed(2)} µs/row   -> TS/xgboost ${(evalUs / x.single_row_predict_us).toFixed(3)}x`);
  ctx.log(`  xgboost pred_contribs, batch      ${x.pred_contribs_us_per_row.toFixed(2)} µs/row   -> TS(eval+SHAP)/xgboost ${(shapUs / x.pred_contribs_us_per_row).toFixed(2)}x`);
  ctx.log(`  margins identical to xgboost's on these rows: ${x.margins_identical ? "yes" : "NO"}`);
}

export const evaluatorVsXgboost: BenchSection = {
  name: "tree evaluator vs xgboost (per row)",
  async run(ctx) {
    if (!ctx.dataDir) return ctx.log("skipped: no shared data");
    const urlModel = compileModel(
      JSON.parse(readFileSync(join(ctx.repoRoot, "packages/detector/models/url-model.json"), "utf8")) as ModelJson,
    );
    const ub = bindFeatures(urlModel, URL_FEATURE_NAMES);
    const emailRows: Float32Array[] = [];
    for (const raw of await sampleEmails(ctx.dataDir, 250)) {
      try {
        emailRows.push(emailModelInput(await parseEmail(raw)).row);
      } catch {
        // unparseable messages are not rows
      }
    }
    const urlRows: Float32Array[] = [];
    for (const u of await sampleUrls(ctx.dataDir, 5000)) {
      try {
        urlRows.push(toModelRow(ub, urlFeatures(u).values));
      } catch {
        // unparseable URLs are not rows
      }
    }
    compare(ctx, "email", emailRows);
    compare(ctx, "url", urlRows);
  },
};
