// Service worker for alert notifications (lib/notify): shows each Web Push message and, on click, opens
// (or focuses) the page it names on this origin. The payload is lib/notify/notify-message.ts PushPayload:
// {title, body, url, tag, alertId, priority, requireInteraction}; it carries no name or reading.
/* global self */
"use strict";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

function readPayload(event) {
  try {
    return event.data ? event.data.json() : {};
  } catch {
    return { title: "New alert", body: event.data ? event.data.text() : "" };
  }
}

/** Only paths on this origin: a payload can never send the user elsewhere. */
function sameOriginUrl(path) {
  try {
    const url = new URL(typeof path === "string" ? path : "/", self.location.origin);
    return url.origin === self.location.origin ? url.href : self.location.origin + "/";
  } catch {
    return self.location.origin + "/";
  }
}

self.addEventListener("push", (event) => {
  const p = readPayload(event);
  const title = typeof p.title === "string" && p.title ? p.title : "New alert";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof p.body === "string" ? p.body : "",
      tag: typeof p.tag === "string" ? p.tag : undefined,
      renotify: typeof p.tag === "string",
      requireInteraction: p.requireInteraction === true,
      icon: "/icon.svg",
      data: { url: sameOriginUrl(p.url), alertId: p.alertId },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = sameOriginUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      for (const client of windows) {
        if (new URL(client.url).origin !== self.location.origin) continue;
        await client.focus();
        if ("navigate" in client) await client.navigate(target);
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});
