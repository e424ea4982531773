#!/usr/bin/env node
// Runs the TypeScript sources through tsx's loader (no build step, nothing to go stale).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
