// Messages between the main thread and the embedded broker's worker thread (types only).
import type { ListenOptions } from "../broker-net";
import type { ConnectRequest } from "../broker-net";
import type { ConnectDecision, Withdrawal } from "../device-gate";
import type { FrameValidation } from "../frame-schema";
import type { PublishRoute } from "../publish-route";

export type BrokerWorkerData = {
  listen: ListenOptions;
  maxBodyBytes: number;
  /** How long the worker reuses an accepted connect decision for the same device and credentials. */
  connectCacheMs: number;
};

/** One device publish waiting for the main thread's verdict; its payload is bytes[offset, offset + length). */
export type PublishItem = {
  req: number;
  deviceId: string | null;
  topic: string;
  route: PublishRoute;
  offset: number;
  length: number;
  /** Telemetry: the body parsed and validated in the worker, with the gateway flag it was parsed for. */
  parsed?: { gateway: boolean; result: FrameValidation };
};

export type FromWorker =
  | { t: "ready"; port: number; tlsPort: number | null; url: string }
  | { t: "start_failed"; error: string }
  | { t: "log"; level: "info" | "warn"; msg: string }
  | { t: "connect"; req: number; request: ConnectRequest }
  /** The publishes of one event-loop turn, their payloads packed into one transferred buffer. */
  | { t: "publishes"; items: PublishItem[]; bytes: ArrayBuffer }
  | { t: "published"; req: number; error: string | null }
  | { t: "closed" };

export type ToWorker =
  | { t: "connect_decision"; req: number; decision: ConnectDecision }
  /** Verdicts on publishes: error null = acknowledge (PUBACK), else close the connection unacknowledged. */
  | { t: "verdicts"; reqs: number[]; errors: (string | null)[] }
  | { t: "drop"; deviceId: string; change: Withdrawal }
  | { t: "publish"; req: number; topic: string; payload: string; retain: boolean }
  | { t: "close" };
