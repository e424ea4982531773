// A DevTools client held on a `wrangler dev` inspector port for the whole run. wrangler 4.86's
// inspector proxy buffers every message the runtime sends (console calls, a Network event per
// request and subrequest) until a DevTools window connects, unbounded: with nobody attached,
// workerd's memory grows with every request, bare handler included. This client takes (and drops)
// those messages, as an open DevTools window would, and reads the isolate's heap after a full GC:
// RSS alone cannot tell a leak from a heap V8 has not shrunk yet.
import WebSocket from "ws";

export interface InspectorSession {
  /** Live JS heap of the Worker's isolate (MiB) after HeapProfiler.collectGarbage. */
  heapAfterGcMiB(): Promise<number>;
  close(): void;
}

export async function openInspectorSession(inspectorPort: number): Promise<InspectorSession> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as { webSocketDebuggerUrl?: string }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`no inspector target on port ${inspectorPort}`);
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (result: Record<string, unknown>) => void>();
  socket.on("message", (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown> };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result ?? {});
  });
  const send = (method: string) => {
    const id = nextId++;
    socket.send(JSON.stringify({ id, method }));
    return id;
  };
  return {
    async heapAfterGcMiB() {
      // The proxy answers collectGarbage with nothing; the inspector runs commands in order, so
      // the heap is read after the collection.
      send("HeapProfiler.collectGarbage");
      const id = send("Runtime.getHeapUsage");
      const usage = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("inspector: no answer to Runtime.getHeapUsage in 30 s")), 30_000);
        waiting.set(id, (result) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(result);
        });
      });
      return Number(usage.usedSize) / (1024 * 1024);
    },
    close: () => socket.close(),
  };
}
