// CLI commands that change what an account may do, and personal token revocation. Each change is
// audited and reaches live connections at once (run inside the app when it is running, see control-channel).
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { disableUser, enableUser, setUserRole, setUserWards, setWallScreen } from "@/lib/users/user-access";
import { CliError, flag } from "./parse-args";
import { CLI_ACTOR, type Command } from "./cli-types";

export const USER_ACCESS_USAGE = `  users disable --email <e>                           ends its sessions, its tokens stop working, live connections drop
  users enable --email <e>
  users wards --email <e> --ward <id|code>...         replace a clinician's wards (live connections re-scoped at once)
  users role --email <e> --role <role>
  users wall-screen --email <e> --on true|false        ward wall screen account: no idle timeout
  tokens revoke <id>                                  any user's token; its live connections drop at once`;

export const userAccessCommands: Record<string, Command> = {
  async "users disable"(args) {
    const r = await disableUser(flag(args, "email", true));
    await recordAudit([
      { actor: CLI_ACTOR, action: "user.disable", detail: { userId: r.id, email: r.email, sessionsEnded: r.sessionsEnded } },
    ]);
    return { json: r, text: `Disabled ${r.email}; ${r.sessionsEnded} session(s) ended.` };
  },
  async "users enable"(args) {
    const r = await enableUser(flag(args, "email", true));
    await recordAudit([{ actor: CLI_ACTOR, action: "user.enable", detail: { userId: r.id, email: r.email } }]);
    return { json: r, text: `Enabled ${r.email}.` };
  },
  async "users wards"(args) {
    const r = await setUserWards(flag(args, "email", true), args.flags.get("ward") ?? []);
    await recordAudit([{ actor: CLI_ACTOR, action: "user.wards", detail: { userId: r.id, email: r.email, wards: r.wards } }]);
    return { json: r, text: `${r.email} now has ward(s): ${r.wards.join(", ") || "none"}.` };
  },
  async "users role"(args) {
    const r = await setUserRole(flag(args, "email", true), flag(args, "role", true));
    await recordAudit([{ actor: CLI_ACTOR, action: "user.role", detail: { userId: r.id, email: r.email, role: r.role } }]);
    return { json: r, text: `${r.email} is now ${r.role}.` };
  },
  async "users wall-screen"(args) {
    const value = flag(args, "on", true);
    if (!["true", "false"].includes(value)) throw new CliError("--on must be true or false");
    const r = await setWallScreen(flag(args, "email", true), value === "true");
    await recordAudit([
      { actor: CLI_ACTOR, action: "user.wall_screen", detail: { userId: r.id, email: r.email, wallScreen: r.wallScreen } },
    ]);
    return { json: r, text: `${r.email}: wall screen ${r.wallScreen ? "on (no idle timeout)" : "off"}.` };
  },
  async "tokens revoke"(args) {
    const id = args.positionals[2];
    if (!id) throw new CliError("tokens revoke <id>: the token id is required (tokens create --json prints it)");
    const result = await revokeApiToken("cli", id);
    if (result === "not_found") throw new CliError(`no token with id ${id}`);
    if (result === "revoked") await recordAudit([{ actor: CLI_ACTOR, action: "api_token.revoke", detail: { tokenId: id } }]);
    return { json: { id, result }, text: result === "revoked" ? `Revoked token ${id}.` : `Token ${id} was already revoked.` };
  },
};
