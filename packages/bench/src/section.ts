// A bench section: one self-contained measurement. New sections (crypto, password hashing, ...)
// add a file under sections/ and one line in sections/index.ts.

export interface BenchContext {
  repoRoot: string;
  /** ../shared/data (or --data); null when absent, so data-driven sections skip with a message. */
  dataDir: string | null;
  /** Work directory for temporary files (gitignored). */
  workDir: string;
  log: (line: string) => void;
}

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<void>;
}
