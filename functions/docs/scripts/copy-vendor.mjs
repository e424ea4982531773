// Puts redoc's self-contained browser bundle (JS with its CSS inside, ~1 MB; Workers allow 25 MiB
// per asset) into public/docs/vendor/, which git ignores: the committed source stays the npm package.
// The bundle's one run-time CDN fetch (the "API docs by Redocly" logo) is pointed at a local file, so
// the reference page loads nothing from outside this origin.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
const LOCAL_LOGO = "/docs/vendor/redocly-logo-mini.svg";
// A neutral mark in place of the remote logo (the link text still credits Redocly).
const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6" fill="#8a94a6"/></svg>\n';

const require = createRequire(import.meta.url);
const source = require.resolve("redoc/bundles/redoc.standalone.js");
const target = fileURLToPath(new URL("../public/docs/vendor/", import.meta.url));
mkdirSync(target, { recursive: true });

const bundle = readFileSync(source, "utf8");
// A redoc upgrade that moves or adds a CDN address must be looked at, not shipped silently.
if (bundle.split(CDN_LOGO).length !== 2) throw new Error(`docs: expected exactly one ${CDN_LOGO} in redoc's bundle`);
const localised = bundle.replace(CDN_LOGO, LOCAL_LOGO);
const remote = localised.match(/src:"https?:\/\/[^"]*"/g);
if (remote) throw new Error(`docs: redoc's bundle loads ${remote.join(", ")} at run time`);
writeFileSync(target + "redoc.standalone.js", localised);
writeFileSync(target + "redocly-logo-mini.svg", LOGO_SVG);
copyFileSync(source.replace(/\.js$/, ".js.LICENSE.txt"), target + "redoc.standalone.js.LICENSE.txt");
console.log("docs: copied redoc.standalone.js (logo served locally) into public/docs/vendor/");
