// Node import hook for `npm run openapi`: functions/auth imports argon2's .wasm files as compiled
// modules (as workerd does); here they become WebAssembly.Module defaults too, so the app loads.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
export async function load(url, context, nextLoad) {
  if (!url.endsWith(".wasm")) return nextLoad(url, context);
  const source = "import { readFileSync } from 'node:fs'; export default new WebAssembly.Module(readFileSync(new URL(" + JSON.stringify(url) + ")));";
  return { format: "module", source, shortCircuit: true };
}`),
);
