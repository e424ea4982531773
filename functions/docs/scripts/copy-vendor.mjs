// Puts redoc's self-contained browser bundle (JS with its CSS inside, ~1 MB; Workers allow 25 MiB
// per asset) into public/docs/vendor/, which git ignores: the committed source stays the npm package.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const source = require.resolve("redoc/bundles/redoc.standalone.js");
const target = fileURLToPath(new URL("../public/docs/vendor/", import.meta.url));
mkdirSync(target, { recursive: true });
copyFileSync(source, target + "redoc.standalone.js");
copyFileSync(source.replace(/\.js$/, ".js.LICENSE.txt"), target + "redoc.standalone.js.LICENSE.txt");
console.log("docs: copied redoc.standalone.js into public/docs/vendor/");
