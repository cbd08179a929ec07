// The bench's handle on its load generator child process (load-generator.ts): start it, run one
// scenario at a time over IPC, stop it.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadCommand, LoadReply, LoadResult } from "./bench-protocol";

export class LoadGenerator {
  private constructor(private readonly child: ChildProcess) {}

  static async start(): Promise<LoadGenerator> {
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "load-generator.ts");
    const child = fork(entry, [], { execArgv: process.execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    await new Promise<void>((resolve, reject) => {
      child.once("message", (m: LoadReply) => (m.type === "ready" ? resolve() : reject(new Error("load generator failed to start"))));
      child.once("exit", (code) => reject(new Error(`load generator exited (${code})`)));
    });
    return new LoadGenerator(child);
  }

  run(cmd: Exclude<LoadCommand, { cmd: "exit" }>): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      this.child.once("message", (m: LoadReply) => {
        if (m.type === "result") resolve(m.result);
        else reject(new Error(m.type === "error" ? m.message : "unexpected reply"));
      });
      this.child.send(cmd);
    });
  }

  stop(): void {
    if (this.child.connected) this.child.send({ cmd: "exit" } satisfies LoadCommand);
  }
}
