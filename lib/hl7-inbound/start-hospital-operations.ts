// Start-up of hospital operations in server.ts: the HL7 v2 listener (HL7_PORT, or a free port in the demo)
// and, with the simulator, the simulated PAS that feeds it.
import "server-only";
import { env } from "@/lib/env";
import { startHl7FromEnv } from "./start-hl7-listener";
import { startDemoPas } from "./demo-pas";

export async function startHospitalOperations(log: (line: string) => void = console.log): Promise<{ stop(): Promise<void> }> {
  const listener = await startHl7FromEnv();
  const pas = listener && env().simulator ? await startDemoPas({ host: listener.host, port: listener.port, log }) : null;
  return {
    async stop() {
      await pas?.stop();
      await listener?.close();
    },
  };
}
