"use client";
// One typed Socket.IO client per browser tab, shared by every live view (ward dashboard, patient page).
// Rooms are reference-counted and re-joined after every reconnect; a subscriber is told when its room
// was re-joined after a gap (`onResync`) so it can re-fetch what it missed. A subscriber whose data must
// not miss a single event (alerts) can ask for a catch-up after the first join too (`catchUp`): its
// server-rendered snapshot is older than the join. Several subscribers of one room (e.g. the ward grid
// and the nav's alert count) share one join per connection.
import { useEffect, useEffectEvent, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import { rooms, SERVER_EVENT_SCHEMAS, type ClientToServerEvents, type ServerToClientEvents, type SubscribeAck } from "@/lib/socket/events";

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
  /** After a re-join following a gap (`first: false`), and with `catchUp` after the first join too. */
  onResync?: (info: { first: boolean }) => void;
  catchUp?: boolean;
};

type Handlers = Pick<Subscription, "onAck" | "onResync" | "catchUp">;

const SERVER_STATE: ConnectionState = { status: "connecting", error: null };
let socket: LiveSocket | null = null;
let state: ConnectionState = SERVER_STATE;
const listeners = new Set<() => void>();
const subscriptions = new Set<Subscription>();
// Joins asked for on the current connection, by room: later subscribers of a room wait for (or reuse)
// the first one's answer instead of asking the server again. Reset at every (re)connect.
type RoomJoin = { result: SubscribeAck | null; waiters: ((r: SubscribeAck) => void)[] };
let joins = new Map<string, RoomJoin>();
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
  const done = (r: SubscribeAck) => {
    if (!subscriptions.has(sub)) return;
    sub.onAck?.(r);
    if (!r.ok) return;
    sub.joined = true;
    if (rejoin || sub.catchUp) sub.onResync?.({ first: !rejoin });
  };
  const room = rooms[sub.kind](sub.id);
  const pending = joins.get(room);
  if (pending) {
    if (pending.result) {
      const r = pending.result;
      queueMicrotask(() => done(r));
    } else pending.waiters.push(done);
    return;
  }
  const entry: RoomJoin = { result: null, waiters: [done] };
  joins.set(room, entry);
  const ack = (r: SubscribeAck) => {
    entry.result = r;
    // A refusal is not remembered: a later subscriber may ask again.
    if (!r.ok && joins.get(room) === entry) joins.delete(room);
    const waiters = entry.waiters;
    entry.waiters = [];
    for (const w of waiters) w(r);
  };
  if (sub.kind === "ward") s.emit("ward:subscribe", sub.id, ack);
  else if (sub.kind === "equipment") s.emit("equipment:subscribe", sub.id, ack);
  else if (sub.kind === "assets") s.emit("assets:subscribe", sub.id, ack);
  else s.emit("patient:subscribe", sub.id, ack);
}

/** The tab's socket, created on first use (browser only). */
export function getSocket(): LiveSocket {
  if (socket) return socket;
  const s: LiveSocket = io({ withCredentials: true, transports: ["websocket", "polling"] });
  socket = s;
  s.onAny((event: string, ...args: unknown[]) => {
    const handlers = eventHandlers.get(event as keyof ServerToClientEvents);
    if (!handlers?.size) return;
    // Every payload is checked against the shared schema (lib/events) before any view sees it.
    const schema = SERVER_EVENT_SCHEMAS[event as keyof ServerToClientEvents];
    const parsed = schema?.safeParse(args[0]);
    if (!parsed?.success) return console.error(`[live] dropped a malformed "${event}" event:`, parsed?.error.message ?? "unknown event");
    handlers.forEach((h) => h(parsed.data, ...args.slice(1)));
  });
  s.on("connect", () => {
    setState({ status: "live", error: null });
    joins = new Map();
    // With connection-state recovery the server restored our rooms and replayed alerts and device status;
    // vitals are sent volatile (never replayed), so a recovered room still resyncs its data. Rooms asked
    // for while we were offline need joining.
    for (const sub of subscriptions) {
      if (!s.recovered || !sub.joined) join(sub);
      else sub.onResync?.({ first: false });
    }
  });
  s.on("disconnect", (reason) => {
    setState({ status: s.active ? "reconnecting" : "refused", error: null });
    // The server drops a connection whose session ended (sign-out, idle timeout, account disabled): reload,
    // so the page guard sends this screen to the sign-in page instead of leaving patient data on it.
    if (reason === "io server disconnect" && typeof window !== "undefined") window.location.reload();
  });
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
export function subscribeRoom(kind: RoomKind, id: string, handlers: Handlers = {}): () => void {
  const s = getSocket();
  const sub: Subscription = { kind, id, joined: false, ...handlers };
  subscriptions.add(sub);
  if (s.connected) join(sub);
  return () => {
    subscriptions.delete(sub);
    const stillWanted = [...subscriptions].some((o) => o.kind === kind && o.id === id);
    if (stillWanted) return;
    joins.delete(rooms[kind](id));
    if (s.connected) s.emit("unsubscribe", rooms[kind](id));
  };
}

function subscribeState(onChange: () => void) {
  listeners.add(onChange);
  getSocket();
  return () => listeners.delete(onChange);
}

/** Connection state of the shared socket, plus a stable `subscribe`. */
export function useLiveSocket(): ConnectionState & { subscribe: typeof subscribeRoom } {
  const current = useSyncExternalStore(
    subscribeState,
    () => state,
    () => SERVER_STATE,
  );
  return { ...current, subscribe: subscribeRoom };
}

/** Subscribes to `kind:id` for the component's lifetime. */
export function useRoom(kind: RoomKind, id: string, handlers: Handlers = {}) {
  const onAck = useEffectEvent((r: SubscribeAck) => handlers.onAck?.(r));
  const onResync = useEffectEvent((info: { first: boolean }) => handlers.onResync?.(info));
  const catchUp = handlers.catchUp ?? false;
  useEffect(() => subscribeRoom(kind, id, { onAck: (r) => onAck(r), onResync: (info) => onResync(info), catchUp }), [kind, id, catchUp]);
}

/**
 * Subscribes to every room of `ids` (e.g. each ward the user may see) for the component's lifetime;
 * `onResync(id, info)` as for useRoom.
 */
export function useRooms(
  kind: RoomKind,
  ids: readonly string[],
  handlers: {
    onAck?: (id: string, r: SubscribeAck) => void;
    onResync?: (id: string, info: { first: boolean }) => void;
    catchUp?: boolean;
  } = {},
) {
  const onAck = useEffectEvent((id: string, r: SubscribeAck) => handlers.onAck?.(id, r));
  const onResync = useEffectEvent((id: string, info: { first: boolean }) => handlers.onResync?.(id, info));
  const catchUp = handlers.catchUp ?? false;
  const key = ids.join("\n");
  useEffect(() => {
    if (!key) return;
    const offs = key
      .split("\n")
      .map((id) => subscribeRoom(kind, id, { onAck: (r) => onAck(id, r), onResync: (info) => onResync(id, info), catchUp }));
    return () => offs.forEach((off) => off());
  }, [kind, key, catchUp]);
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
