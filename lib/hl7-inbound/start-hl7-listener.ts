// The HL7 v2 MLLP listener of the running app: off unless HL7_PORT is set (the demo starts it on a free
// port for its simulated PAS). Every message goes through receiveHl7.
import "server-only";
import { env } from "@/lib/env";
import { startMllpListener, type MllpListener } from "@/lib/adt";
import { processSingleton } from "@/lib/process-singleton";
import { receiveHl7 } from "./receive-hl7";

export type Hl7ListenerOptions = { port: number; host?: string; timeZone?: string; allowFrom?: string[]; log?: (line: string) => void };

export async function startHl7Listener(opts: Hl7ListenerOptions): Promise<MllpListener> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const listener = await startMllpListener({
    port: opts.port,
    host: opts.host ?? "127.0.0.1",
    ...(opts.allowFrom?.length ? { allowFrom: opts.allowFrom } : {}),
    onMessage: async (text, peer) =>
      (await receiveHl7(text, { peer: `${peer.remoteAddress}:${peer.remotePort}`, timeZone: opts.timeZone })).ack,
    onMalformed: ({ reason, peer }) => log(`[hl7] malformed frame from ${peer.remoteAddress}: ${reason}`),
    onError: (err) => log(`[hl7] ${err.message}`),
  });
  processSingleton("hl7Listener", () => listener);
  return listener;
}

/** Starts the listener when HL7_PORT is set, or in the demo (a free port, for the simulated PAS). */
export async function startHl7FromEnv(): Promise<MllpListener | null> {
  const e = env();
  if (e.HL7_PORT === undefined && !e.simulator) return null;
  const listener = await startHl7Listener({
    port: e.HL7_PORT ?? 0,
    host: e.HL7_HOST,
    timeZone: e.HL7_TIME_ZONE,
    allowFrom: e.HL7_ALLOW_FROM?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  });
  console.log(`[hl7] ADT listener (MLLP) on ${listener.host}:${listener.port}`);
  return listener;
}
