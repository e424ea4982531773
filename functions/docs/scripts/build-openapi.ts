// `npm run openapi`: writes functions/docs/public/openapi.json from the functions' route schemas.
// `-- --check` fails when the committed file is stale; `-- --json` prints the document and the
// served operations (for the tests, which cannot load argon2's .wasm imports themselves).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { apiDocument, servedOperations } from "./api-document.ts";

const target = fileURLToPath(new URL("../public/openapi.json", import.meta.url));
const text = JSON.stringify(apiDocument(), null, 2) + "\n";

if (process.argv.includes("--json")) {
  process.stdout.write(JSON.stringify({ document: JSON.parse(text), served: servedOperations() }));
} else if (process.argv.includes("--check")) {
  if (readFileSync(target, "utf8") !== text) {
    console.error("functions/docs/public/openapi.json is stale: run `npm run openapi` and commit it.");
    process.exit(1);
  }
  console.log("openapi.json is up to date");
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
