// `traceo scan`: inputs → items → analysis (in-process or --api) → records in input order → the
// machine-readable sink, the table, the summary and the exit code.
import type { ScanOptions } from "./args.ts";
import { remoteAnalyzer, FatalApiError } from "./analyze/remote.ts";
import type { Analyzer } from "./analyze/outcome.ts";
import { runOrdered } from "./analyze/pool.ts";
import { planInputs } from "./inputs/plan.ts";
import { workItems } from "./inputs/work.ts";
import { Progress } from "./output/progress.ts";
import { toRecord } from "./output/record.ts";
import { openSink, type Sink } from "./output/sink.ts";
import { count, exitCode, newTally, summaryLines } from "./output/summary.ts";
import { renderTable, tableRow, type TableRow } from "./output/table.ts";

export interface Terminal {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
}

export async function runScan(opts: ScanOptions, term: Terminal): Promise<number> {
  const plan = await planInputs(opts.inputs); // UsageError before any work
  let analyze: Analyzer;
  let via: string;
  if (opts.api) {
    analyze = remoteAnalyzer({ base: opts.api.base, key: opts.api.key, onWait: (s, status) => progress.say(`${status}: waiting ${s} s`) });
    via = `via ${opts.api.base}`;
  } else {
    const { localAnalyzer } = await import("./analyze/local.ts"); // loads the models: only when scanning
    analyze = localAnalyzer();
    via = "in-process";
  }
  // Started once the models are loaded, so the rate and the time left are about scanning.
  const progress = new Progress(opts.quiet ? "off" : term.stderr.isTTY ? "bar" : "lines", plan.totalBytes, term.stderr);

  // Ctrl-C: leave the terminal clean (no half-drawn bar) and say the scan did not finish.
  const interrupted = () => {
    progress.finish();
    term.stderr.write("traceo: interrupted\n");
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  const sink: Sink | null = opts.format === "table" ? null : openSink(opts.format, opts.out, term.stdout);
  const showTable = opts.format === "table" || opts.out !== null;
  const rows: TableRow[] = [];
  const tally = newTally();
  const started = performance.now();
  const concurrency = opts.api ? opts.concurrency : 1;
  try {
    await runOrdered(workItems(plan.inputs), concurrency, analyze, (work, outcome) => {
      const record = toRecord(work.source, outcome);
      sink?.write(record);
      if (showTable) rows.push(tableRow(record));
      count(tally, record);
      progress.advance(1, work.size);
    });
  } catch (err) {
    process.off("SIGINT", interrupted);
    progress.finish();
    await sink?.close();
    if (err instanceof FatalApiError) {
      term.stderr.write(`traceo: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  process.off("SIGINT", interrupted);
  const seconds = (performance.now() - started) / 1000;
  progress.finish();
  await sink?.close();

  // The table goes where people read it: stdout, unless stdout carries the JSON/CSV (then nothing).
  if (showTable) {
    const width = (term.stdout.isTTY && term.stdout.columns) || Number(term.env.COLUMNS) || (term.stdout.isTTY ? 100 : 160);
    const color = term.stdout.isTTY === true && !term.env.NO_COLOR;
    term.stdout.write(renderTable(rows, width, color).join("\n") + "\n");
  }
  if (!opts.quiet) {
    const summary = summaryLines(tally, seconds, via).join("\n") + "\n";
    (showTable ? term.stdout : term.stderr).write((showTable ? "\n" : "") + summary);
  }
  return exitCode(tally, opts.failOn);
}
