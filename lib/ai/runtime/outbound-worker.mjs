// Entry of the worker thread that composes outbound AI requests (outbound-thread.ts). Loader hooks of
// the main thread do not reach a worker, so it registers its own: the "server-only" resolution and tsx
// (TypeScript, the tsconfig "@/" paths), then loads the TypeScript message handler.
import "../../runtime/server-only-hook.mjs";
import { register } from "tsx/esm/api";

register();
await import("./compose-in-worker.ts");
