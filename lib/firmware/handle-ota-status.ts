// A device's report on an OTA update, from MQTT (devices/{id}/ota/status) or HTTP
// (POST /api/v1/devices/{id}/ota-status): {updateId, state, detail?, version?}.
// States move forward only: pending → downloading → verified → updated, or → failed from any open
// state; repeating the current state is accepted (QoS 1 redelivery). "updated" records the package
// version as the device's firmware version. A finished update clears the retained OTA command.
import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { clearOtaCommand } from "./deliver-ota";

export type OtaReportState = "downloading" | "verified" | "updated" | "failed";
export type OtaStatusResult = { ok: true } | { ok: false; error: string; kind?: "invalid" | "not_found" | "conflict" };

const reportSchema = z
  .object({
    updateId: z.string().min(1).max(64),
    state: z.enum(["downloading", "verified", "updated", "failed"]),
    detail: z.string().max(500).optional(),
    version: z.string().max(64).optional(),
  })
  .strict();

const ORDER = { pending: 0, downloading: 1, verified: 2, updated: 3, failed: 3 } as const;

/** Whether an update in state `from` may move to `to` (same state: idempotent repeat). */
export function transitionAllowed(from: keyof typeof ORDER, to: OtaReportState): boolean {
  if (from === to) return true;
  if (from === "updated" || from === "failed") return false;
  if (to === "failed") return true;
  return ORDER[to] > ORDER[from];
}

function parse(payload: Buffer | string): { ok: true; report: z.infer<typeof reportSchema> } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(typeof payload === "string" ? payload : payload.toString("utf8"));
  } catch {
    return { ok: false, error: "payload: not valid JSON" };
  }
  const r = reportSchema.safeParse(json);
  if (!r.success) return { ok: false, error: r.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ") };
  return { ok: true, report: r.data };
}

export async function handleOtaStatus(deviceId: string, payload: Buffer | string): Promise<OtaStatusResult> {
  const parsed = parse(payload);
  if (!parsed.ok) return { ok: false, error: parsed.error, kind: "invalid" };
  const { updateId, state, detail, version } = parsed.report;
  const prisma = await getPrisma();
  const update = await prisma.deviceFirmwareUpdate.findUnique({
    where: { id: updateId },
    select: { id: true, deviceId: true, state: true, package: { select: { version: true } } },
  });
  if (!update || update.deviceId !== deviceId)
    return { ok: false, error: `updateId: no update "${updateId}" for device "${deviceId}"`, kind: "not_found" };
  if (!transitionAllowed(update.state, state)) {
    return { ok: false, error: `state: the update is ${update.state}; it cannot become ${state}`, kind: "conflict" };
  }
  if (state === "updated" && version !== undefined && version !== update.package.version) {
    return {
      ok: false,
      error: `version: the device reports ${version} but this update installs ${update.package.version}`,
      kind: "invalid",
    };
  }
  const now = new Date();
  const changed = await prisma.$transaction(async (tx) => {
    const r = await tx.deviceFirmwareUpdate.updateMany({
      where: { id: updateId, state: update.state },
      data: { state, detail: detail ?? null, updatedAt: now },
    });
    if (r.count === 1 && state === "updated") {
      await tx.device.update({ where: { id: deviceId }, data: { firmwareVersion: update.package.version } });
    }
    return r.count === 1;
  });
  if (!changed) return { ok: false, error: "state: the update changed concurrently; report again", kind: "conflict" };
  if (update.state !== state && (state === "updated" || state === "failed")) {
    const stillOpen = await prisma.deviceFirmwareUpdate.count({
      where: { deviceId, state: { in: ["pending", "downloading", "verified"] } },
    });
    if (stillOpen === 0) await clearOtaCommand(deviceId);
  }
  return { ok: true };
}
