// Lets the CLI act through the running app. PGlite is single-process, and a revoke must reach live
// connections at once, so while the app runs the CLI sends its command here instead of opening the
// database. The channel listens on loopback only; its token sits in DATA_DIR/control.json (mode 0600),
// so only a user who can read the data directory can use it.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { CliOutput } from "./commands";

type ControlFile = { pid: number; port: number; token: string };
type Reply = { ok: true; output: CliOutput } | { ok: false; error: string; exitCode: number };

const fileOf = (dataDir: string) => path.join(dataDir, "control.json");

export async function startControlChannel(
  dataDir: string,
  run: (argv: string[]) => Promise<CliOutput>,
): Promise<{ close(): Promise<void> }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const server = http.createServer((req, res) => {
    const send = (status: number, body: Reply) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    const given = Buffer.from(String(req.headers["x-control-token"] ?? ""));
    if (req.method !== "POST" || given.length !== token.length || !crypto.timingSafeEqual(given, Buffer.from(token))) {
      return send(401, { ok: false, error: "unauthorized", exitCode: 1 });
    }
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      let argv: unknown;
      try {
        argv = JSON.parse(body);
      } catch {
        return send(400, { ok: false, error: "invalid request", exitCode: 1 });
      }
      if (!Array.isArray(argv) || !argv.every((a) => typeof a === "string"))
        return send(400, { ok: false, error: "invalid request", exitCode: 1 });
      run(argv).then(
        (output) => send(200, { ok: true, output }),
        (err: Error & { exitCode?: number }) => send(200, { ok: false, error: err.message, exitCode: err.exitCode ?? 1 }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(fileOf(dataDir), JSON.stringify({ pid: process.pid, port, token } satisfies ControlFile), { mode: 0o600 });
  const remove = () => {
    try {
      const f = JSON.parse(fs.readFileSync(fileOf(dataDir), "utf8")) as ControlFile;
      if (f.pid === process.pid) fs.unlinkSync(fileOf(dataDir));
    } catch {
      /* gone */
    }
  };
  process.once("exit", remove);
  return {
    async close() {
      remove();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readControlFile(dataDir: string): ControlFile | null {
  try {
    const f = JSON.parse(fs.readFileSync(fileOf(dataDir), "utf8")) as ControlFile;
    process.kill(f.pid, 0);
    return f;
  } catch {
    return null;
  }
}

/** Runs the command in the running app; null when no app is running for this data directory. */
export async function runInRunningApp(dataDir: string, argv: string[]): Promise<Reply | null> {
  const f = readControlFile(dataDir);
  if (!f) return null;
  try {
    const res = await fetch(`http://127.0.0.1:${f.port}/`, {
      method: "POST",
      headers: { "x-control-token": f.token, "content-type": "application/json" },
      body: JSON.stringify(argv),
    });
    return (await res.json()) as Reply;
  } catch {
    return null;
  }
}
