"use client";
// Shows a device secret once, with a copy button and how the device uses it. The secret lives only
// in this component's props: once dismissed it cannot be shown again (rotate to get a new one).
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export function SecretReveal({
  deviceId,
  secret,
  heading,
  onDone,
}: {
  deviceId: string;
  secret: string;
  heading: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div role="status" className="rounded border border-alarm-medium bg-alarm-medium-bg p-4">
      <p className="font-medium">{heading}</p>
      <p className="mt-1 text-sm text-ink-muted">Copy the secret now and load it into the device: it is shown only this once.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Input
          readOnly
          aria-label={`Secret of ${deviceId}`}
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-72 flex-1 font-mono"
        />
        <Button variant="primary" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <Button onClick={onDone}>Done</Button>
      </div>
      {copied === "failed" && (
        <p className="mt-2 text-sm text-alarm-medium">Copying is blocked here: select the secret and copy it by hand.</p>
      )}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-ink-muted">
        <dt>MQTT</dt>
        <dd className="font-mono break-all">{`client id = username = ${deviceId}, password = <secret>, publish to devices/${deviceId}/telemetry`}</dd>
        <dt>HTTPS</dt>
        <dd className="font-mono break-all">{`POST /api/v1/devices/${deviceId}/telemetry with Authorization: Bearer <secret>`}</dd>
      </dl>
    </div>
  );
}
