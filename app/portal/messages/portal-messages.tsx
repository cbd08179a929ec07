"use client";
// The portal's thread: the shared MessageThread, sending through the patient's own server action.
import { MessageThread, type SendResult } from "@/components/programs/message-thread";
import { refusalText } from "@/lib/actions/refusal-text";
import type { CareMessage } from "@/lib/events";
import { sendMyMessageAction } from "./actions";

export function PortalMessages({ patientId, initial }: { patientId: string; initial: CareMessage[] }) {
  const send = async (body: string): Promise<SendResult> => {
    const r = await sendMyMessageAction({ body });
    return r.ok ? { ok: true, message: r.data } : { ok: false, error: refusalText(r) };
  };
  return <MessageThread patientId={patientId} initial={initial} side="patient" send={send} />;
}
