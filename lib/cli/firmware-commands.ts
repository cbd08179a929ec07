// CLI: firmware packages. `firmware upload|list|assign|flag|unflag|status|sign`.
// --file paths are read by the process that runs the command (the app, when it is running, from the
// project directory): give an absolute path or one relative to the project directory.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { CliError, flag, type ParsedArgs } from "./parse-args";
import { CLI_ACTOR, table, type Command } from "./cli-types";
import { assignFirmware } from "@/lib/firmware/assign-firmware";
import { signWithDemoKey } from "@/lib/firmware/demo-signing-key";
import { flagPackage, unflagPackage } from "@/lib/firmware/flag-package";
import { listPackages } from "@/lib/firmware/package-queries";
import { patchStatus } from "@/lib/devices/patch-status";
import { MAX_PACKAGE_BYTES, uploadFirmwarePackage } from "@/lib/firmware/upload-package";

const audit = { actor: CLI_ACTOR };

function readPackageFile(file: string): Buffer {
  const full = path.resolve(file);
  let size: number;
  try {
    size = fs.statSync(full).size;
  } catch {
    throw new CliError(`file: cannot read ${full}`);
  }
  if (size > MAX_PACKAGE_BYTES) throw new CliError(`file: is ${size} bytes; the limit is ${MAX_PACKAGE_BYTES} bytes (32 MiB)`);
  return fs.readFileSync(full);
}

function packageId(args: ParsedArgs, usage: string): string {
  const id = args.positionals[2];
  if (!id) throw new CliError(`${args.positionals.slice(0, 2).join(" ")} needs a package id (see firmware list): ${usage}`);
  return id;
}

export const firmwareCommands: Record<string, Command> = {
  async "firmware upload"(args) {
    const p = await uploadFirmwarePackage(
      {
        deviceType: flag(args, "type", true),
        version: flag(args, "version", true),
        content: readPackageFile(flag(args, "file", true)),
        signature: flag(args, "signature") ?? null,
        sha256: flag(args, "sha256") ?? null,
      },
      { audit },
    );
    return {
      json: p,
      text: `Uploaded ${p.deviceType} ${p.version} (id ${p.id}, ${p.sizeBytes} bytes, sha256 ${p.sha256}, signed by key ${p.keyId}).`,
    };
  },
  async "firmware list"(args) {
    const packages = await listPackages({ deviceType: flag(args, "type") });
    const rows = packages.map((p) => ({
      id: p.id,
      type: p.deviceType,
      version: p.version,
      size: p.sizeBytes,
      flagged: p.flagReason ?? null,
      devices: p.devicesOnVersion,
      updates:
        Object.entries(p.updates)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${s} ${n}`)
          .join(", ") || null,
      uploaded: p.createdAt,
    }));
    return {
      json: packages,
      text: rows.length
        ? table(rows, ["id", "type", "version", "size", "devices", "updates", "flagged", "uploaded"])
        : "No firmware packages.",
    };
  },
  async "firmware assign"(args) {
    const id = packageId(args, "firmware assign <packageId> --device <id>... | --all-outdated");
    const devices = args.flags.get("device") ?? [];
    const all = flag(args, "all-outdated") === "true";
    if (all === devices.length > 0) throw new CliError("give --device <id> (once per device) or --all-outdated");
    const r = await assignFirmware(id, all ? { allOutdated: true } : { deviceIds: devices }, { audit });
    const lines = [
      `Assigned ${r.package.deviceType} ${r.package.version} to ${r.updates.length} device(s); OTA command delivered to ${r.delivered}.`,
    ];
    for (const u of r.undelivered) lines.push(`  ${u.deviceId}: ${u.error}`);
    return { json: r, text: lines.join("\n") };
  },
  async "firmware flag"(args) {
    const id = packageId(args, 'firmware flag <packageId> --reason "<why>"');
    const r = await flagPackage(id, flag(args, "reason", true), { audit });
    return { json: { id, flagged: true, ...r }, text: `Flagged ${id}; ${r.cancelledUpdates} open update(s) cancelled.` };
  },
  async "firmware unflag"(args) {
    const id = packageId(args, "firmware unflag <packageId>");
    await unflagPackage(id, { audit });
    return { json: { id, flagged: false }, text: `Unflagged ${id}.` };
  },
  async "firmware status"() {
    const types = await patchStatus({ showPatients: false });
    const lines = types.map((t) => {
      const c = t.counts;
      const head = `${t.deviceType}: newest ${t.latest?.version ?? "-"}; ${c.total} active: ${c.current} current, ${c.outdated} outdated, ${c.flagged} flagged, ${c.unknown} unknown`;
      return [
        head,
        ...t.needsPatch.map(
          (d) =>
            `  ${d.id}  ${d.firmwareVersion ?? "?"}  ${d.firmware.status}${d.firmware.flagReason ? ` (${d.firmware.flagReason})` : ""}`,
        ),
      ].join("\n");
    });
    return { json: types, text: lines.join("\n") || "No devices or packages." };
  },
  async "firmware sign"(args) {
    const e = env();
    if (!e.demo)
      throw new CliError(
        "firmware sign uses the demo signing key and works in demo mode only; sign real packages offline (openssl pkeyutl -sign -rawin -inkey key.pem -in fw.bin | base64 -w0)",
      );
    const file = flag(args, "file", true);
    const signature = signWithDemoKey(e.dataDir, readPackageFile(file));
    return { json: { file, signature }, text: signature };
  },
};
