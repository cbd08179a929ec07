// One instance per Node process of each stateful service (database, bus, ingest writer, broker).
// server.ts loads lib/ through tsx while Next loads its own compiled copy; both reach the same
// instance through globalThis, so there is never a second PGlite or a second bus.

const registry = globalThis as unknown as Record<symbol, unknown>;

/** The registry key of each name, kept: the ingest path looks singletons up several times per frame. */
const keys = new Map<string, symbol>();

function keyOf(name: string): symbol {
  let key = keys.get(name);
  if (key === undefined) keys.set(name, (key = Symbol.for(`iomt.${name}`)));
  return key;
}

export function processSingleton<T>(name: string, create: () => T): T {
  const key = keyOf(name);
  if (!(key in registry)) registry[key] = create();
  return registry[key] as T;
}

export function setProcessSingleton<T>(name: string, value: T): T {
  registry[keyOf(name)] = value;
  return value;
}

export function peekProcessSingleton<T>(name: string): T | undefined {
  return registry[keyOf(name)] as T | undefined;
}

export function clearProcessSingleton(name: string): void {
  delete registry[keyOf(name)];
}
