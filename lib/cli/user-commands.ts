// CLI commands of sessions and account access (users disable and users update are in hospital-commands),
// and personal token revocation. Each change is
// audited and reaches live connections at once (run inside the app when it is running, see control-channel).
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { enableUser, setWallScreen, signOutUsers } from "@/lib/users/user-access";
import { CliError, flag } from "./parse-args";
import { CLI_ACTOR, type Command } from "./cli-types";

export const USER_ACCESS_USAGE = `  users enable --email <e>                            undo users disable
  users wall-screen --email <e> --on true|false        ward wall screen account: no idle timeout
  users sign-out --email <e> | --all                  end every session of one user (or of everyone); live connections drop
  tokens revoke <id>                                  any user's token; its live connections drop at once`;

export const userAccessCommands: Record<string, Command> = {
  async "users enable"(args) {
    const r = await enableUser(flag(args, "email", true));
    await recordAudit([{ actor: CLI_ACTOR, action: "user.enable", detail: { userId: r.id, email: r.email } }]);
    return { json: r, text: `Enabled ${r.email}.` };
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
  async "users sign-out"(args) {
    const all = args.flags.get("all")?.at(-1) === "true";
    const email = flag(args, "email");
    if (!all && !email) throw new CliError("users sign-out: give --email <e> or --all");
    const r = await signOutUsers(all ? "all" : email!);
    await recordAudit([
      { actor: CLI_ACTOR, action: "user.sign_out", detail: { target: all ? "all" : email, sessionsEnded: r.sessionsEnded } },
    ]);
    return { json: r, text: `Ended ${r.sessionsEnded} session(s).` };
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
