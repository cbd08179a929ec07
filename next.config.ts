import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native, WASM or socket-owning packages run from node_modules, never bundled: the custom server
  // and the Next bundles must share one instance of each (see lib/process-singleton.ts).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "aedes", "mqtt", "socket.io"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden(): a denied page answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
};

export default nextConfig;
