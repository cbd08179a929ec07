// Node module hook for the processes we start ourselves (server.ts, the CLI, benchmarks).
// Next resolves "server-only" to an empty module under its react-server condition; plain Node
// would load the package's throwing entry, so we resolve it to the same empty module here.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === "server-only") {
          return { url: ${JSON.stringify(new URL("./empty-module.js", import.meta.url).href)}, shortCircuit: true };
        }
        return next(specifier, context);
      }
    `),
);
