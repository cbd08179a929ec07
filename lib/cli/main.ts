// Entry point of `npm run cli -- <noun> <verb> [--flags] [--json]`.
import { env } from "@/lib/env";
import { closeDatabase } from "@/lib/db/database";
import { DataDirBusyError } from "@/lib/db/data-dir-lock";
import { runCliCommand, USAGE, wantsJson, type CliOutput } from "./commands";
import { runInRunningApp } from "./control-channel";
import { CliError } from "./parse-args";

function print(output: CliOutput, json: boolean) {
  process.stdout.write(json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
}

function fail(message: string, exitCode: number, json: boolean): never {
  if (json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.stderr.write(`error: ${message}\n`);
  process.exit(exitCode);
}

async function main() {
  const argv = process.argv.slice(2);
  const json = wantsJson(argv);
  if (argv.length === 0 || argv.includes("--help") || argv[0] === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const e = env();
  // While the app runs, act through it: it owns the embedded database and the live connections.
  const remote = await runInRunningApp(e.dataDir, argv);
  if (remote) {
    if (!remote.ok) fail(remote.error, remote.exitCode, json);
    print(remote.output, json);
    return;
  }
  let failure: { message: string; exitCode: number } | null = null;
  try {
    print(await runCliCommand(argv), json);
  } catch (err) {
    if (err instanceof CliError) failure = { message: err.message, exitCode: err.exitCode };
    else if (err instanceof DataDirBusyError)
      failure = { message: `${err.message} Start the CLI after the app has started, or stop that process.`, exitCode: 1 };
    else throw err;
  } finally {
    await closeDatabase();
  }
  if (failure) fail(failure.message, failure.exitCode, json);
}

main().catch((err: Error) => {
  process.stderr.write(`error: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
