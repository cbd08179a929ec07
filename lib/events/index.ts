// lib/events owns the vocabulary of what happens in the platform: readings (vitals frames, equipment
// readings), device status and registry changes, live NEWS2, alert views, their changes and notifications,
// each as a type with its runtime check (wire-shape.ts, inferred types). Pure and client-safe: no I/O, no server imports.
//
// Inside the process (the bus, ingest, the store, the alarm engine) times are epoch milliseconds and values
// are keyed by metric code (lib/domain/metrics). On the wire the Socket.IO payloads (`…Payload`) carry ISO
// text; lib/socket is the one place that turns events into payloads, and the browser checks what it
// receives with the same schemas. AlertView keeps ISO text everywhere: it is also the REST contract.
export * from "./time";
export * from "./readings";
export * from "./device-events";
export * from "./news2-events";
export * from "./alert-events";
export * from "./access-events";
export * from "./asset-events";
export * from "./adt-events";
export * from "./care-message-events";
