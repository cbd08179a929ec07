// CLI: trust (issue 11). `audit verify` walks the audit hash chain; `devices issue-cert` issues a device
// certificate from the platform CA; `db rotate-key` re-encrypts PHI under a new data key.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { getDatabase, getPrisma } from "@/lib/db/database";
import { env } from "@/lib/env";
import { issueDeviceCertificate, tlsDir } from "@/lib/transport/certificates";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyAuditChain } from "@/lib/audit/audit-chain";
import { CliError, flag } from "./parse-args";
import { CLI_ACTOR, type Command } from "./cli-types";

export const TRUST_USAGE = `  audit verify                                          check the audit log's hash chain; names the first broken link
  devices issue-cert <id> [--out <dir>]                 device certificate (CN = id) from the platform CA for MQTT over TLS;
                                                        writes <id>.crt, <id>.key (0600) and ca.crt into --out (DATA_DIR/tls/devices)`;

export const trustCommands: Record<string, Command> = {
  async "devices issue-cert"(args) {
    const id = args.positionals[2];
    if (!id) throw new CliError("devices issue-cert needs a device id: devices issue-cert <id> [--out <dir>]");
    const device = await (await getPrisma()).device.findUnique({ where: { id }, select: { status: true } });
    if (!device) throw new CliError(`id: no device "${id}"`);
    if (device.status !== "active") throw new CliError(`id: device "${id}" is revoked`);
    const e = env();
    const out = path.resolve(flag(args, "out") ?? path.join(tlsDir(e.dataDir), "devices"));
    const pem = await issueDeviceCertificate(e.dataDir, id);
    fs.mkdirSync(out, { recursive: true, mode: 0o700 });
    const files = { cert: path.join(out, `${id}.crt`), key: path.join(out, `${id}.key`), ca: path.join(out, "ca.crt") };
    fs.writeFileSync(files.cert, pem.cert, { mode: 0o644 });
    fs.writeFileSync(files.key, pem.key, { mode: 0o600 });
    fs.chmodSync(files.key, 0o600);
    fs.writeFileSync(files.ca, pem.ca, { mode: 0o644 });
    await recordAudit([{ actor: CLI_ACTOR, action: "device.issue_cert", detail: { deviceId: id } }]);
    return {
      json: { deviceId: id, ...files },
      text: `Device certificate for ${id} (CN=${id}) written:\n  ${files.cert}\n  ${files.key} (private key, mode 0600; install it on the device, then delete it here)\n  ${files.ca} (the platform CA)`,
    };
  },
  async "audit verify"() {
    const r = await verifyAuditChain((await getDatabase()).sql);
    if (!r.ok) {
      throw new CliError(
        `Audit chain BROKEN: first broken link at audit event ${r.firstBroken!.id}: ${r.firstBroken!.reason} (${r.checked} rows intact before it)`,
      );
    }
    const legacy = r.unchained ? `; ${r.unchained} older rows predate the chain` : "";
    return { json: r, text: `Audit chain intact: ${r.checked} rows checked${legacy}.` };
  },
};
