// Preloaded into the server by bench:memory (node --import): prints the process's own memory breakdown once a
// second on stdout, prefixed so the bench can pick it out of the server's log. Nothing else. Node runs --import
// preloads in worker threads too (the broker's thread with PostgreSQL): only the main thread reports, so the
// figures are always the main thread's heap (the worker's figures interleaved with them before).
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    process.stdout.write(
      `[bench-memory] ${JSON.stringify({ heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers })}\n`,
    );
  }, 1000);
  timer.unref();
}
