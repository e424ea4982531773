// Bounded concurrency with results handed on in input order (seq 0, 1, 2…), whatever order they finish.
// The first thrown error stops every worker and is rethrown. While one item is slow (a retry), the
// others may run ahead by at most `concurrency * AHEAD` finished results, so memory stays bounded.
const AHEAD = 16;
export async function runOrdered<T extends { seq: number }, R>(
  items: AsyncIterable<T>,
  concurrency: number,
  work: (item: T) => Promise<R>,
  emit: (item: T, result: R) => void,
): Promise<void> {
  const iterator = items[Symbol.asyncIterator]();
  const done = new Map<number, { item: T; result: R }>();
  let next = 0;
  let failed = false;
  let drained: (() => void)[] = [];

  const worker = async () => {
    while (!failed) {
      while (done.size >= concurrency * AHEAD && !failed) await new Promise<void>((r) => drained.push(r));
      // Async generators queue concurrent next() calls, so each item goes to exactly one worker.
      const step = await iterator.next();
      if (step.done || failed) return;
      const result = await work(step.value);
      done.set(step.value.seq, { item: step.value, result });
      for (let ready = done.get(next); ready !== undefined; ready = done.get(next)) {
        done.delete(next++);
        emit(ready.item, ready.result);
      }
      const waiting = drained;
      drained = [];
      waiting.forEach((wake) => wake());
    }
  };
  const workers = Array.from({ length: Math.max(1, concurrency) }, () =>
    worker().catch((err: unknown) => {
      failed = true;
      drained.forEach((wake) => wake());
      throw err;
    }),
  );
  const settled = await Promise.allSettled(workers);
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) {
    await iterator.return?.(undefined);
    throw rejected.reason;
  }
}
