// Progress on stderr while a scan runs. On a terminal: a bar redrawn in place (at most 10 times a
// second), shown only once the run has lasted half a second. Otherwise (a log, CI): a plain line
// every few seconds. Nothing with --quiet. Redraws happen as results arrive, not on a timer, since
// in-process analysis keeps the event loop busy.
export type ProgressMode = "bar" | "lines" | "off";

const BAR_AFTER_MS = 500;
const BAR_EVERY_MS = 100;
const LINE_EVERY_MS = 5_000;

export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private drawn = false;
  private note = "";
  private count = 0;
  private bytes = 0;

  constructor(
    private readonly mode: ProgressMode,
    private readonly totalBytes: number | null,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  advance(items: number, bytes: number): void {
    this.count += items;
    this.bytes += bytes;
    this.note = "";
    this.maybeDraw();
  }

  /** A short note next to the bar, e.g. while waiting for a rate limit. */
  say(note: string): void {
    this.note = note;
    this.maybeDraw(true);
  }

  private status(): { percent: number | null; text: string } {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.count / seconds : 0;
    const percent = this.totalBytes ? Math.min(1, this.bytes / this.totalBytes) : null;
    const eta = percent !== null && percent > 0 && percent < 1 ? `, ~${Math.ceil((seconds / percent) * (1 - percent))} s left` : "";
    const pct = percent === null ? "" : `${Math.floor(percent * 100)}% `;
    return { percent, text: `${pct}${this.count.toLocaleString("en-US")} done, ${rate.toFixed(1)} msg/s${eta}${this.note ? ` (${this.note})` : ""}` };
  }

  private maybeDraw(force = false): void {
    const now = Date.now();
    if (this.mode === "off") return;
    if (this.mode === "lines") {
      if (now - this.started < LINE_EVERY_MS || (now - this.last < LINE_EVERY_MS && !force)) return;
      this.last = now;
      this.stream.write(`traceo: ${this.status().text}\n`);
      return;
    }
    if (now - this.started < BAR_AFTER_MS || (now - this.last < BAR_EVERY_MS && !force)) return;
    this.last = now;
    const { percent, text } = this.status();
    const width = this.stream.columns || Number(process.env.COLUMNS) || 80; // 0 on a pty with no size
    const barWidth = Math.max(10, Math.min(40, width - text.length - 4));
    const filled = percent === null ? (this.count % barWidth) : Math.round(percent * barWidth);
    const bar = percent === null ? " ".repeat(filled) + "=" + " ".repeat(Math.max(0, barWidth - filled - 1)) : "#".repeat(filled) + "-".repeat(barWidth - filled);
    this.stream.write(`\r\x1b[2K${`[${bar}] ${text}`.slice(0, width - 1)}`); // never wrap: \r could not undo it
    this.drawn = true;
  }

  /** Clears the bar so the table starts on a clean line. */
  finish(): void {
    if (this.drawn) this.stream.write("\r\x1b[2K");
    this.drawn = false;
  }
}
