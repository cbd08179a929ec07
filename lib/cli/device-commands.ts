// CLI: the device registry. `devices create|list|rotate|assign|unassign|profile|ward|revoke`.
import "server-only";
import { CliError, flag, type ParsedArgs } from "./parse-args";
import { CLI_ACTOR, table, type Command } from "./cli-types";
import {
  assignDevice,
  createDevice,
  revokeDevice,
  rotateDeviceSecret,
  unassignDevice,
  type AssignTarget,
} from "@/lib/devices/manage-devices";
import { setEnvironmentProfile } from "@/lib/devices/set-environment-profile";
import { setDeviceWard } from "@/lib/devices/set-device-ward";
import { describeProfile, isEnvironmentProfile } from "@/lib/domain/environment-profiles";
import { listRegistryDevices, registryFiltersSchema, type DeviceAssignment } from "@/lib/devices/device-queries";
import { createTrackingDevice } from "./tracking-device-commands";

const audit = { actor: CLI_ACTOR };

function deviceId(args: ParsedArgs, usage: string): string {
  const id = args.positionals[2];
  if (!id) throw new CliError(`${args.positionals.slice(0, 2).join(" ")} needs a device id: ${usage}`);
  return id;
}

export function assignmentText(a: DeviceAssignment): string {
  switch (a.kind) {
    case "patient":
      return ["patient", a.patient?.mrn, a.ward ? `(${a.ward}/${a.bed ?? "?"})` : null].filter(Boolean).join(" ");
    case "bed":
      return `bed ${a.ward}/${a.bed}`;
    case "asset":
      return `asset ${a.tag}`;
    case "location":
      return `location ${a.text}`;
    case "none":
      return "-";
  }
}

/** "Vaccine fridge (2–8 °C)" for a known profile, the raw key otherwise. */
function profileText(profile: string | null): string | null {
  if (!profile) return null;
  return isEnvironmentProfile(profile) ? describeProfile(profile) : profile;
}

/** `--environment <profile>`; "none" (for `devices profile`) clears it. */
function environmentFlag(args: ParsedArgs): string | null | undefined {
  const v = flag(args, "environment");
  if (v === undefined) return undefined;
  return v.trim().toLowerCase() === "none" ? null : v;
}

function targetOf(args: ParsedArgs): AssignTarget {
  const given: AssignTarget[] = [];
  const patient = flag(args, "patient");
  const bed = flag(args, "bed");
  const asset = flag(args, "asset");
  const location = flag(args, "location");
  if (patient) given.push({ kind: "patient", patientId: patient });
  if (bed) given.push({ kind: "bed", bed });
  if (asset) given.push({ kind: "asset", tag: asset });
  if (location) given.push({ kind: "location", text: location });
  if (given.length !== 1) throw new CliError("give exactly one of --patient <id>, --bed <ward/label>, --asset <tag>, --location <text>");
  return given[0]!;
}

export const deviceCommands: Record<string, Command> = {
  async "devices create"(args) {
    const tracking = await createTrackingDevice(args);
    if (tracking) return tracking;
    const d = await createDevice(
      {
        type: flag(args, "type", true),
        id: flag(args, "id"),
        patientId: flag(args, "patient") ?? null,
        bed: flag(args, "bed") ?? null,
        assetTag: flag(args, "asset") ?? null,
        location: flag(args, "location") ?? null,
        firmwareVersion: flag(args, "firmware"),
        gatewayId: flag(args, "gateway") ?? null,
        environmentProfile: environmentFlag(args) ?? null,
      },
      { audit },
    );
    const watches = profileText(d.environmentProfile);
    return {
      json: d,
      text: `Created ${d.type} ${d.id}${d.patientId ? ` for patient ${d.patientId}` : ""}${watches ? `, profile ${watches}` : ""}.\nSecret (shown once, store it now): ${d.secret}\nMQTT: username ${d.id}, password <secret>, topic devices/${d.id}/telemetry`,
    };
  },
  async "devices list"(args) {
    const filters = registryFiltersSchema.parse({
      type: flag(args, "type"),
      status: flag(args, "status"),
      connectivity: flag(args, "connectivity"),
      ward: flag(args, "ward"),
      firmware: flag(args, "firmware"),
    });
    const devices = await listRegistryDevices(filters, { showPatients: true });
    const rows = devices.map((d) => ({
      id: d.id,
      type: d.type,
      status: d.status,
      connectivity: d.connectivity,
      assignment: [assignmentText(d.assignment), profileText(d.environmentProfile)].filter((t) => t && t !== "-").join(" · ") || "-",
      firmware: d.firmwareVersion
        ? `${d.firmwareVersion}${d.firmware.status === "current" || d.firmware.status === "untracked" ? "" : ` (${d.firmware.status})`}`
        : null,
      battery: d.batteryLevel === null ? null : `${Math.round(d.batteryLevel)}%`,
      lastSeenAt: d.lastSeenAt,
    }));
    return {
      json: devices,
      text: rows.length
        ? table(rows, ["id", "type", "status", "connectivity", "assignment", "firmware", "battery", "lastSeenAt"])
        : "No devices.",
    };
  },
  async "devices rotate"(args) {
    const id = deviceId(args, "devices rotate <id>");
    const secret = await rotateDeviceSecret(id, { audit });
    return {
      json: { id, secret },
      text: `New secret for ${id} (shown once, store it now): ${secret}\nThe old secret no longer works; its live connections were dropped.`,
    };
  },
  async "devices assign"(args) {
    const id = deviceId(args, "devices assign <id> --patient <id> | --bed <ward/label> | --asset <tag> | --location <text>");
    const r = await assignDevice(id, targetOf(args), { audit });
    const where = r.patientId
      ? `patient ${r.patientId}`
      : r.bedId
        ? `bed ${r.label}`
        : r.assetTag
          ? `asset ${r.assetTag}`
          : `location ${r.location}`;
    return { json: r, text: `Assigned ${id} to ${where}.` };
  },
  async "devices unassign"(args) {
    const id = deviceId(args, "devices unassign <id>");
    const r = await unassignDevice(id, { audit });
    return { json: r, text: `${id} is no longer assigned.` };
  },
  async "devices profile"(args) {
    const usage = `devices profile <id> --environment <profile>|none`;
    const id = deviceId(args, usage);
    const profile = environmentFlag(args);
    if (profile === undefined) throw new CliError(`devices profile needs --environment: ${usage}`);
    const r = await setEnvironmentProfile(id, profile, { audit });
    const json = { id: r.id, environmentProfile: r.environmentProfile };
    return {
      json,
      text: r.environmentProfile ? `${id} now has the profile ${profileText(r.environmentProfile)}.` : `${id} has no environment profile.`,
    };
  },
  async "devices ward"(args) {
    const usage = `devices ward <id> --ward <id|code>|none [--room <roomId>]`;
    const id = deviceId(args, usage);
    const ward = flag(args, "ward");
    if (ward === undefined) throw new CliError(`devices ward needs --ward: ${usage}`);
    const r = await setDeviceWard(
      id,
      { ward: ward.trim().toLowerCase() === "none" ? null : ward, room: flag(args, "room") ?? null },
      { audit },
    );
    return {
      json: r,
      text: r.wardCode ? `${id} now belongs to ward ${r.wardCode}${r.roomId ? `, room ${r.roomId}` : ""}.` : `${id} belongs to no ward.`,
    };
  },
  async "devices revoke"(args) {
    const id = deviceId(args, "devices revoke <id>");
    const r = await revokeDevice(id, { audit });
    return { json: r, text: `Revoked ${r.id}; its connections were dropped.` };
  },
};
