// After export: load each model JSON and its parity fixture and check the TypeScript evaluator
// gives exactly xgboost's float32 margins. The vitest parity test does the same on the committed files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileModel } from "../../detector/src/model/evaluator.ts";
import { predictMargin } from "../../detector/src/model/evaluator.ts";
import type { ModelJson } from "../../detector/src/model/model-json.ts";
import type { ParityFixture } from "../../detector/src/model/parity-fixture.ts";
import { fixtureRow } from "../../detector/src/model/parity-fixture.ts";

export function verifyExport(modelsDir: string): string[] {
  const problems: string[] = [];
  for (const kind of ["email", "url"] as const) {
    const json = JSON.parse(readFileSync(join(modelsDir, `${kind}-model.json`), "utf8")) as ModelJson;
    const fixture = JSON.parse(readFileSync(join(modelsDir, "fixtures", `parity-${kind}.json`), "utf8")) as ParityFixture;
    const model = compileModel(json);
    let mismatches = 0;
    fixture.rows.forEach((values, i) => {
      if (predictMargin(model, fixtureRow(values)) !== fixture.margins[i]) mismatches++;
    });
    if (mismatches > 0) problems.push(`${kind}: ${mismatches}/${fixture.rows.length} margins differ from xgboost`);
  }
  return problems;
}
