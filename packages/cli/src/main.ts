// Entry of the `traceo` command (bin/traceo.mjs). Returns the exit code: 2 usage or input error or an
// item not analysed; else 1 something phishing; else 0 (output/summary.ts exitCode).
import { MAIN_HELP, parseScanArgs, SCAN_HELP } from "./args.ts";
import { UsageError } from "./inputs/plan.ts";

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
}

export async function main(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr.write(MAIN_HELP);
    return 2;
  }
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(rest[0] === "scan" ? SCAN_HELP : MAIN_HELP);
    return 0;
  }
  if (command === "--version" || command === "-v") {
    const { default: pkg } = await import("../package.json", { with: { type: "json" } });
    io.stdout.write(`traceo ${pkg.version}\n`);
    return 0;
  }
  if (command !== "scan") {
    io.stderr.write(`traceo: unknown command "${command}"\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    const opts = parseScanArgs(rest, io.env);
    if (opts.help) {
      io.stdout.write(SCAN_HELP);
      return 0;
    }
    const { runScan } = await import("./scan.ts");
    return await runScan(opts, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`traceo: ${err.message}\nTry \`traceo scan --help\`.\n`);
      return 2;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR" || code === "EPIPE") {
      io.stderr.write(`traceo: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}
