"use client";
// One typed Socket.IO client per browser tab, shared by every live view (ward dashboard, patient page).
// Rooms are reference-counted and re-joined after every reconnect; a subscriber is told when its room
// was re-joined after a gap (`onResync`) so it can re-fetch what it missed.
import { useEffect, useEffectEvent, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import { rooms, type ClientToServerEvents, type ServerToClientEvents, type SubscribeAck } from "@/lib/socket/events";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type RoomKind = keyof typeof rooms;
/** connecting: never connected yet; live: connected; reconnecting: lost, retrying; refused: the server said no (e.g. signed out). */
export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "refused";
export type ConnectionState = { status: ConnectionStatus; error: string | null };

type Subscription = {
  kind: RoomKind;
  id: string;
  joined: boolean;
  onAck?: (r: SubscribeAck) => void;
  onResync?: () => void;
};

const SERVER_STATE: ConnectionState = { status: "connecting", error: null };
let socket: LiveSocket | null = null;
let state: ConnectionState = SERVER_STATE;
const listeners = new Set<() => void>();
const subscriptions = new Set<Subscription>();
// Our own fan-out of server events (one Socket.IO `onAny` listener), keyed by event name. Handlers are
// typed where they are added (useSocketEvent); here they are stored by name only.
type AnyHandler = (...args: unknown[]) => void;
const eventHandlers = new Map<keyof ServerToClientEvents, Set<AnyHandler>>();

function setState(next: ConnectionState) {
  if (next.status === state.status && next.error === state.error) return;
  state = next;
  for (const l of listeners) l();
}

function join(sub: Subscription) {
  const s = getSocket();
  const rejoin = sub.joined;
  const ack = (r: SubscribeAck) => {
    if (!subscriptions.has(sub)) return;
    sub.onAck?.(r);
    if (!r.ok) return;
    sub.joined = true;
    if (rejoin) sub.onResync?.();
  };
  if (sub.kind === "ward") s.emit("ward:subscribe", sub.id, ack);
  else s.emit("patient:subscribe", sub.id, ack);
}

/** The tab's socket, created on first use (browser only). */
export function getSocket(): LiveSocket {
  if (socket) return socket;
  const s: LiveSocket = io({ withCredentials: true, transports: ["websocket", "polling"] });
  socket = s;
  s.onAny((event: string, ...args: unknown[]) => {
    eventHandlers.get(event as keyof ServerToClientEvents)?.forEach((h) => h(...args));
  });
  s.on("connect", () => {
    setState({ status: "live", error: null });
    // With connection-state recovery the server restored our rooms and replayed what we missed; only
    // rooms asked for while we were offline still need joining.
    for (const sub of subscriptions) if (!s.recovered || !sub.joined) join(sub);
  });
  s.on("disconnect", () => setState({ status: s.active ? "reconnecting" : "refused", error: null }));
  s.on("connect_error", (err) => {
    // Not active: the server refused the handshake (no valid session); Socket.IO will not retry.
    setState(s.active ? { status: "reconnecting", error: null } : { status: "refused", error: err.message });
  });
  return s;
}

/**
 * Joins `kind:id` now (if connected) and after every reconnect. Returns the unsubscribe; the room is
 * left only when its last subscriber is gone.
 */
export function subscribeRoom(kind: RoomKind, id: string, handlers: Pick<Subscription, "onAck" | "onResync"> = {}): () => void {
  const s = getSocket();
  const sub: Subscription = { kind, id, joined: false, ...handlers };
  subscriptions.add(sub);
  if (s.connected) join(sub);
  return () => {
    subscriptions.delete(sub);
    const stillWanted = [...subscriptions].some((o) => o.kind === kind && o.id === id);
    if (!stillWanted && s.connected) s.emit("unsubscribe", rooms[kind](id));
  };
}

function subscribeState(onChange: () => void) {
  listeners.add(onChange);
  getSocket();
  return () => listeners.delete(onChange);
}

/** Connection state of the shared socket, plus a stable `subscribe`. */
export function useLiveSocket(): ConnectionState & { subscribe: typeof subscribeRoom } {
  const current = useSyncExternalStore(subscribeState, () => state, () => SERVER_STATE);
  return { ...current, subscribe: subscribeRoom };
}

/** Subscribes to `kind:id` for the component's lifetime. */
export function useRoom(kind: RoomKind, id: string, handlers: Pick<Subscription, "onAck" | "onResync"> = {}) {
  const onAck = useEffectEvent((r: SubscribeAck) => handlers.onAck?.(r));
  const onResync = useEffectEvent(() => handlers.onResync?.());
  useEffect(() => subscribeRoom(kind, id, { onAck: (r) => onAck(r), onResync: () => onResync() }), [kind, id]);
}

/** Listens to one server event for the component's lifetime; the latest handler is always used. */
export function useSocketEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]) {
  const onEvent = useEffectEvent((...args: Parameters<ServerToClientEvents[E]>) => {
    (handler as (...a: Parameters<ServerToClientEvents[E]>) => void)(...args);
  });
  useEffect(() => {
    getSocket();
    const set = eventHandlers.get(event) ?? new Set<AnyHandler>();
    eventHandlers.set(event, set);
    // The server sends `event` with exactly the arguments of ServerToClientEvents[E] (the shared map).
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) => onEvent(...args)) as AnyHandler;
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }, [event]);
}
