// CLI: trust (issue 11). `audit verify` walks the audit hash chain; `devices issue-cert` issues a device
// certificate from the platform CA; `db rotate-key` re-encrypts PHI under a new data key.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { verifyAuditChain } from "@/lib/audit/audit-chain";
import { CliError } from "./parse-args";
import type { Command } from "./cli-types";

export const TRUST_USAGE = `  audit verify                                          check the audit log's hash chain; names the first broken link`;

export const trustCommands: Record<string, Command> = {
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
