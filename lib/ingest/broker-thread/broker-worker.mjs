// Entry of the embedded broker's worker thread (worker-broker.ts). Loader hooks of the main thread do
// not reach a worker, so it registers its own: the "server-only" resolution and tsx (TypeScript, the
// tsconfig "@/" paths), then loads the TypeScript broker.
import "../../runtime/server-only-hook.mjs";
import { register } from "tsx/esm/api";

register();
await import("./broker-worker.ts");
