// The one ingest path shared by MQTT and HTTP: validate a body against the contract and each device's
// type (a gateway's body may carry frames for its children), apply the per-device rate limit, flag
// implausible values as artifacts, publish the frames live at once, stamp connectivity, then write them
// (group commit) and report the outcome only once they are durable. A refused body is quarantined
// (batched, off the hot path) and counted; nothing is dropped silently.
import "server-only";
import { eventBus } from "@/lib/bus/event-bus";
import { perDatabase } from "@/lib/db/database";
import { env } from "@/lib/env";
import { isGatewayType, isWatchedEquipment, metricAllowed } from "@/lib/domain/device-types";
import { processSingleton } from "@/lib/process-singleton";
import { ObservationWriter, PoisonFramesError, type PendingFrame, type WriteResult } from "@/lib/store/observation-writer";
import { noteDeviceActivity } from "@/lib/devices/connectivity-monitor";
import { patientAt, type DeviceRecord } from "@/lib/devices/device-directory";
import type { MetricKey } from "@/lib/domain/metrics";
import type { MetricValues, VitalsEvent } from "@/lib/events";
import { invalid, parseTelemetryJson, type FrameIssue, type FrameValidation, type TelemetryFrame } from "./frame-schema";
import { NEWS2_PARAMETERS } from "@/lib/domain/news2";
import { findArtifacts } from "./plausibility";
import { RateLimiter } from "./rate-limiter";
import { getRejectionLog } from "./rejection-log";
import { resolveChild, type ChildLookup } from "./gateway-children";
import { countIngest, type Transport } from "./ingest-counters";
import { ingestHorizon, tooOld } from "./ingest-horizon";

export type Issue = FrameIssue;

export type AcceptResult =
  | { ok: true; accepted: number; duplicates: number; artifacts: number }
  | { ok: false; kind: "invalid"; error: string; issues: Issue[] }
  | { ok: false; kind: "rate_limited"; error: string; retryAfterSec: number };

export type IngestContext = {
  transport: Transport;
  /** MQTT topic the body came on (quarantine record), null for HTTP. */
  topic: string | null;
  /** MQTT `devices/{gateway}/children/{child}/telemetry`: every frame belongs to this child. */
  childId?: string;
  /** Apply the per-device rate limit (default true; an external broker's consumer leaves it to the broker). */
  rateLimit?: boolean;
};

export function getObservationWriter(): Promise<ObservationWriter> {
  return perDatabase("observationWriter", (db) => new ObservationWriter(db.sql, { maxPendingFrames: env().INGEST_BUFFER_FRAMES }));
}

/** The process's per-device rate limiter (INGEST_RATE_PER_SEC, INGEST_RATE_BURST). */
export function deviceRateLimiter(): RateLimiter {
  return processSingleton(
    "deviceRateLimiter",
    () => new RateLimiter({ ratePerSec: env().INGEST_RATE_PER_SEC, burst: env().INGEST_RATE_BURST }),
  );
}

/** Writes everything accepted or quarantined so far (the shutdown path). */
export async function drainIngest(): Promise<void> {
  await (await getObservationWriter()).drain();
  await (await getRejectionLog()).drain();
}

/** Highest seq already sent live per device, so a redelivered frame is not shown twice. */
const liveSeq = processSingleton("liveSeq", () => new Map<string, number>());

type Group = { device: DeviceRecord; frames: TelemetryFrame[] };

function refuse(sender: DeviceRecord, raw: string | Buffer, ctx: IngestContext, issues: Issue[]): AcceptResult {
  const r = invalid(issues);
  countIngest(ctx.transport, "invalid");
  void getRejectionLog().then((log) =>
    log.record({ deviceId: sender.id, transport: ctx.transport, topic: ctx.topic, reason: r.error, payload: raw }),
  );
  return { ok: false, kind: "invalid", error: r.error, issues: r.issues };
}

/** The children a gateway's frames name, looked up (none for a device sending for itself). */
async function resolveChildren(sender: DeviceRecord, frames: TelemetryFrame[], ctx: IngestContext): Promise<Map<string, ChildLookup>> {
  const lookups = new Map<string, Promise<ChildLookup>>();
  for (const f of frames) {
    const childId = ctx.childId ?? f.device ?? null;
    if (childId !== null && !lookups.has(childId)) lookups.set(childId, resolveChild(sender, childId));
  }
  const resolved = new Map<string, ChildLookup>();
  for (const [id, p] of lookups) resolved.set(id, await p);
  return resolved;
}

const NO_CHILDREN: ReadonlyMap<string, ChildLookup> = new Map();

/** Whether any frame is for a gateway's child (then the children are looked up first). */
function namesChildren(frames: TelemetryFrame[], ctx: IngestContext): boolean {
  return ctx.childId !== undefined || frames.some((f) => (f.device ?? null) !== null);
}

/** Splits the frames by the device they belong to: the sender, or (gateways) its registered children. */
function groupByDevice(
  sender: DeviceRecord,
  frames: TelemetryFrame[],
  ctx: IngestContext,
  isArray: boolean,
  resolved: ReadonlyMap<string, ChildLookup>,
): { ok: true; groups: Group[] } | { ok: false; issues: Issue[] } {
  const groups = new Map<string, Group>();
  const issues: Issue[] = [];
  const now = Date.now();
  frames.forEach((f, i) => {
    const field = isArray ? `frames[${i}]` : "frame";
    if (ctx.childId && f.device && f.device !== ctx.childId) {
      issues.push({ field: `${field}.device`, reason: `this topic is for device "${ctx.childId}"` });
      return;
    }
    const childId = ctx.childId ?? f.device ?? null;
    let device = sender;
    if (childId !== null) {
      const child = resolved.get(childId)!;
      if (!child.ok) return void issues.push({ field: ctx.childId ? "topic" : `${field}.device`, reason: child.reason });
      device = child.device;
    }
    const old = tooOld(f.ts, ingestHorizon(device.type, env()), now);
    if (old) issues.push({ field: `${field}.ts`, reason: old });
    for (const key of Object.keys(f.values)) {
      if (!metricAllowed(device.type, key))
        issues.push({ field: `${field}.values.${key}`, reason: `a ${device.type} may not send "${key}"` });
    }
    let g = groups.get(device.id);
    if (!g) groups.set(device.id, (g = { device, frames: [] }));
    g.frames.push(f);
  });
  return issues.length ? { ok: false, issues } : { ok: true, groups: [...groups.values()] };
}

function takeRate(limiter: RateLimiter, groups: Group[]): number | null {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const d = limiter.take(g.device.id, g.frames.length);
    if (!d.ok) {
      for (let j = 0; j < i; j++) limiter.refund(groups[j]!.device.id, groups[j]!.frames.length);
      return Math.max(1, Math.ceil(d.retryAfterMs / 1000));
    }
  }
  return null;
}

function publishLive(device: DeviceRecord, frames: TelemetryFrame[], artifacts: (readonly MetricKey[])[]): void {
  if (!device.patientId && !device.bedSpans) return;
  const bus = eventBus();
  let last = liveSeq.get(device.id) ?? -1;
  frames.forEach((f, i) => {
    // An older frame than one already published (an uploaded backlog) is no live news; a complete NEWS2
    // set of them still goes to the alarm engine, marked late, for the NEWS2 trend (lib/alerts/charted-news2).
    const late = f.seq <= last;
    if (late && !NEWS2_PARAMETERS.every((k) => f.values[k] !== undefined)) return;
    if (!late) last = f.seq;
    // A device at a bed reports for whoever lay there at the frame's time (a transfer is never retroactive).
    const patientId = patientAt(device, f.ts);
    if (!patientId) return;
    const flagged = artifacts[i]!;
    // One literal, optional fields set after: conditional spreads cost V8 far more on this per-frame path.
    const event: VitalsEvent = { deviceId: device.id, patientId, wardId: device.wardId, seq: f.seq, ts: f.ts, values: f.values };
    if (flagged.length) event.artifacts = [...flagged];
    if (late) event.late = true;
    bus.publish("vitals", event);
  });
  liveSeq.set(device.id, last);
}

function withoutArtifacts(values: MetricValues, flagged: readonly MetricKey[]): MetricValues {
  const out: MetricValues = { ...values };
  for (const key of flagged) delete out[key];
  return out;
}

/** Pumps' and environment sensors' readings go to the alarm engine whether or not a patient is attached. */
function publishEquipment(device: DeviceRecord, frames: TelemetryFrame[], artifacts: (readonly MetricKey[])[]): void {
  if (!isWatchedEquipment(device.type)) return;
  eventBus().publish("equipment:readings", {
    deviceId: device.id,
    frames: frames.map((f, i) => {
      const flagged = artifacts[i]!;
      return { seq: f.seq, ts: f.ts, values: flagged.length ? withoutArtifacts(f.values, flagged) : f.values };
    }),
  });
}

export function acceptTelemetry(sender: DeviceRecord, raw: string | Buffer, ctx: IngestContext): Promise<AcceptResult> {
  return acceptParsedTelemetry(sender, raw, null, ctx);
}

/**
 * The same, for a body already parsed and validated elsewhere (the MQTT broker's worker thread) with
 * `parseTelemetryJson(raw, { gateway })`; parsed with the wrong gateway flag (or null), it is parsed here.
 */
export async function acceptParsedTelemetry(
  sender: DeviceRecord,
  raw: string | Buffer,
  preParsed: { gateway: boolean; result: FrameValidation } | null,
  ctx: IngestContext,
): Promise<AcceptResult> {
  const gateway = isGatewayType(sender.type);
  if (ctx.childId && !gateway)
    return refuse(sender, raw, ctx, [
      { field: "topic", reason: `a ${sender.type} is not a gateway and may not send for "${ctx.childId}"` },
    ]);
  const parsed = preParsed && preParsed.gateway === gateway ? preParsed.result : parseTelemetryJson(raw, { gateway });
  if (!parsed.ok) return refuse(sender, raw, ctx, parsed.issues);
  // Only a gateway's body waits for lookups here; a device's own frames go on without one.
  const children = namesChildren(parsed.frames, ctx) ? await resolveChildren(sender, parsed.frames, ctx) : NO_CHILDREN;
  const grouped = groupByDevice(sender, parsed.frames, ctx, parsed.isArray, children);
  if (!grouped.ok) return refuse(sender, raw, ctx, grouped.issues);
  const { groups } = grouped;

  const limiter = deviceRateLimiter();
  const retryAfterSec = ctx.rateLimit === false ? null : takeRate(limiter, groups);
  if (retryAfterSec !== null) {
    countIngest(ctx.transport, "rate_limited");
    return {
      ok: false,
      kind: "rate_limited",
      error: `rate limit: at most ${limiter.ratePerSec} frames/s per device (bursts up to ${limiter.burst}); retry in ${retryAfterSec} s`,
      retryAfterSec,
    };
  }

  const pending: PendingFrame[] = [];
  let artifactCount = 0;
  // A gateway relaying only for children is alive too.
  if (gateway && !groups.some((g) => g.device.id === sender.id)) noteDeviceActivity(sender);
  for (const { device, frames } of groups) {
    const artifacts = frames.map((f) => findArtifacts(f.values));
    publishLive(device, frames, artifacts);
    publishEquipment(device, frames, artifacts);
    let battery: number | undefined;
    frames.forEach((f, i) => {
      const flagged = artifacts[i]!;
      artifactCount += flagged.length;
      if (f.values.battery !== undefined) battery = f.values.battery;
      pending.push({ deviceId: device.id, patientId: patientAt(device, f.ts), seq: f.seq, ts: f.ts, values: f.values, artifacts: flagged });
    });
    noteDeviceActivity(device, battery);
  }

  const writer = await getObservationWriter();
  let result: WriteResult;
  try {
    result = await writer.write(pending);
  } catch (err) {
    // A poison body (the database refuses its rows): quarantined like an invalid one, never resent.
    if (err instanceof PoisonFramesError) return refuse(sender, raw, ctx, [{ field: "body", reason: err.message }]);
    throw err;
  }
  countIngest(ctx.transport, "accepted", result.accepted);
  if (result.duplicates) countIngest(ctx.transport, "duplicate", result.duplicates);
  if (artifactCount) countIngest(ctx.transport, "artifact", artifactCount);
  return { ok: true, ...result, artifacts: artifactCount };
}
