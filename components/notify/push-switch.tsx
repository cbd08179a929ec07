"use client";
// "Alerts on this device": subscribes this browser to Web Push for the signed-in user's alert
// notifications (registers /sw.js, asks for permission, subscribes with the server's VAPID key, saves the
// subscription), or removes it. Placed on the account page and the patient portal.
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { loadVapidKeyAction, removePushSubscriptionAction, savePushSubscriptionAction } from "./push-actions";

type State = "checking" | "unsupported" | "blocked" | "off" | "on";

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

const supported = () =>
  typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

async function currentSubscription(): Promise<PushSubscription | null> {
  const reg = await navigator.serviceWorker.getRegistration("/");
  return reg ? reg.pushManager.getSubscription() : null;
}

export function PushSwitch({ label = "Alerts on this device" }: { label?: string }) {
  const [state, setState] = useState<State>("checking");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const initial = async (): Promise<State> => {
      if (!supported()) return "unsupported";
      if (Notification.permission === "denied") return "blocked";
      return (await currentSubscription()) ? "on" : "off";
    };
    initial().then(setState, () => setState("off"));
  }, []);

  const turnOn = () =>
    startTransition(async () => {
      setMessage(null);
      try {
        if ((await Notification.requestPermission()) !== "granted") return setState("blocked");
        const reg = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
        await navigator.serviceWorker.ready;
        const key = await loadVapidKeyAction({});
        if (!key.ok) return setMessage(key.error);
        const sub =
          (await reg.pushManager.getSubscription()) ??
          (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key.data.publicKey) }));
        const saved = await savePushSubscriptionAction(sub.toJSON());
        if (!saved.ok) return setMessage(saved.error);
        setState("on");
        setMessage("This device will show your alerts, even when the app is closed.");
      } catch (err) {
        setMessage(`Could not turn alerts on: ${err instanceof Error ? err.message : String(err)}`);
      }
    });

  const turnOff = () =>
    startTransition(async () => {
      setMessage(null);
      const sub = await currentSubscription();
      if (sub) {
        await removePushSubscriptionAction({ endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      setState("off");
      setMessage("Alerts are off on this device.");
    });

  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-medium">{label}</span>
        {state === "on" && (
          <Button onClick={turnOff} disabled={pending}>
            Turn off
          </Button>
        )}
        {state === "off" && (
          <Button variant="primary" onClick={turnOn} disabled={pending}>
            Turn on
          </Button>
        )}
        <span className="text-ink-muted" data-testid="push-state">
          {state === "checking" && "Checking…"}
          {state === "unsupported" && "This browser cannot receive push notifications."}
          {state === "blocked" && "Notifications are blocked for this site in the browser's settings."}
          {state === "on" && "On"}
          {state === "off" && "Off"}
        </span>
      </div>
      {message && (
        <p role="status" className="text-ink-muted">
          {message}
        </p>
      )}
    </div>
  );
}
