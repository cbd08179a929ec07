import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native, WASM or socket-owning packages run from node_modules, never bundled: the custom server
  // and the Next bundles must share one instance of each (see lib/process-singleton.ts). The large
  // server-only libraries (the AI client and its tokenizer's 200k-token table) too: bundled, each route
  // chunk that reaches them carries and loads its own copy (bench:memory).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "aedes",
    "mqtt",
    "socket.io",
    "openai",
    "gpt-tokenizer",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden(): a denied page answers 403 with app/forbidden.tsx.
    authInterrupts: true,
    // A route's server code is loaded when the route is first requested, not every route at start-up: the
    // idle demo server otherwise holds the code of all ~100 pages and API routes (bench:memory).
    preloadEntriesOnStart: false,
  },
};

export default nextConfig;
