// A small runtime checker for the shapes of lib/events, with each type inferred from its check. The browser
// uses it on everything it receives over Socket.IO and on the patient page's REST answers. It is not zod on
// purpose: the production bundler keeps the whole of zod's core for a few schemas (it cannot tree-shake it,
// vercel/next.js#88643), 27 KiB of gzip in every live page's JS against about 1.5 KiB for this. Everything
// the server accepts from outside (routes, actions, ingest) is still checked with zod.

/** What is wrong and where: `path` names the field ("alert.raisedAt", "values.heart_rate", "[3].code"). */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = "ShapeError";
  }
}

export type ShapeResult<T> = { success: true; data: T } | { success: false; error: ShapeError };

export interface Shape<T> {
  /** The checked value (objects keep only their declared fields); throws a ShapeError naming the field. */
  parse(value: unknown): T;
  safeParse(value: unknown): ShapeResult<T>;
  /** Set on `optional(…)`: the field may be absent from its object. */
  readonly isOptional?: true;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

type Fields = { readonly [key: string]: Shape<unknown> };
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends { readonly isOptional: true } ? K : never }[keyof F];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<F extends Fields> = Simplify<
  { [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]> } & { [K in OptionalKeys<F>]?: Exclude<Infer<F[K]>, undefined> }
>;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "object") return "an object";
  return typeof value === "number" || typeof value === "boolean" ? String(value) : typeof value;
}

function fail(expected: string, value: unknown): never {
  throw new ShapeError("", `expected ${expected}, got ${describe(value)}`);
}

/** Runs a nested check, putting `key` in front of the path of whatever it refuses. */
function within<T>(key: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof ShapeError)) throw err;
    const path = err.path === "" ? key : err.path.startsWith("[") ? `${key}${err.path}` : `${key}.${err.path}`;
    throw new ShapeError(path, err.reason);
  }
}

function shape<T>(check: (value: unknown) => T): Shape<T> {
  return {
    parse: check,
    safeParse(value) {
      try {
        return { success: true, data: check(value) };
      } catch (err) {
        if (err instanceof ShapeError) return { success: false, error: err };
        throw err;
      }
    },
  };
}

export const string = (): Shape<string> => shape((v) => (typeof v === "string" ? v : fail("a string", v)));

/** A finite number (JSON has no other). */
export const number = (): Shape<number> => shape((v) => (typeof v === "number" && Number.isFinite(v) ? v : fail("a number", v)));

export const int = (): Shape<number> => shape((v) => (Number.isSafeInteger(v) ? (v as number) : fail("an integer", v)));

export const nonNegativeInt = (): Shape<number> =>
  shape((v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : fail("an integer ≥ 0", v)));

export const boolean = (): Shape<boolean> => shape((v) => (typeof v === "boolean" ? v : fail("true or false", v)));

export const unknown = (): Shape<unknown> => shape((v) => v);

/** One of the given values (strings, numbers or booleans). */
export function oneOf<const V extends readonly (string | number | boolean)[]>(values: V): Shape<V[number]> {
  const allowed = new Set<unknown>(values);
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
  return shape((v) => (allowed.has(v) ? (v as V[number]) : fail(expected, v)));
}

export const literal = <const V extends string | number | boolean>(value: V): Shape<V> => oneOf([value] as const);

/** ISO 8601 date-time with seconds optional and a zone ("Z" or an offset), e.g. "2026-11-23T18:00:00.000Z". */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
export const isoDateTime = (): Shape<string> =>
  shape((v) =>
    typeof v === "string" && ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)) ? v : fail("an ISO 8601 date-time with a zone", v),
  );

export const nullable = <T>(inner: Shape<T>): Shape<T | null> => shape((v) => (v === null ? null : inner.parse(v)));

export function optional<T>(inner: Shape<T>): Shape<T | undefined> & { readonly isOptional: true } {
  return { ...shape((v) => (v === undefined ? undefined : inner.parse(v))), isOptional: true };
}

export const array = <T>(item: Shape<T>): Shape<T[]> =>
  shape((v) => {
    if (!Array.isArray(v)) return fail("an array", v);
    const out: T[] = new Array<T>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = within(`[${i}]`, () => item.parse(v[i]));
    return out;
  });

/** A two-element array, such as an [x, y] point. */
export const pair = <A, B>(first: Shape<A>, second: Shape<B>): Shape<[A, B]> =>
  shape((v) => {
    if (!Array.isArray(v) || v.length !== 2) return fail("a pair [a, b]", v);
    return [within("[0]", () => first.parse(v[0])), within("[1]", () => second.parse(v[1]))];
  });

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Defines `key` as an own field even when it is "__proto__" (JSON may carry one; `out[key] =` would set the prototype). */
function setOwn(out: object, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/** An object with these fields; fields it does not declare are left out of the result. */
export function object<const F extends Fields>(fields: F): Shape<ObjectOf<F>> {
  const entries = Object.entries(fields);
  return shape((v) => {
    if (!isPlainObject(v)) return fail("an object", v);
    const out: Record<string, unknown> = {};
    for (const [key, field] of entries) {
      if (!Object.hasOwn(v, key) || v[key] === undefined) {
        if (field.isOptional) continue;
        throw new ShapeError(key, "required");
      }
      out[key] = within(key, () => field.parse(v[key]));
    }
    return out as ObjectOf<F>;
  });
}

/** An object used as a map from any key to values of one shape. */
export const record = <T>(value: Shape<T>): Shape<Record<string, T>> =>
  shape((v) => {
    if (!isPlainObject(v)) return fail("an object", v);
    const out: Record<string, T> = {};
    for (const key of Object.keys(v))
      setOwn(
        out,
        key,
        within(key, () => value.parse(v[key])),
      );
    return out;
  });

/** A map whose keys are some of `keys` (each key checked) and whose values have one shape. */
export function partialRecord<const K extends string, T>(keys: readonly K[], value: Shape<T>): Shape<Partial<Record<K, T>>> {
  const allowed = new Set<string>(keys);
  return shape((v) => {
    if (!isPlainObject(v)) return fail("an object", v);
    const out: Partial<Record<K, T>> = {};
    for (const key of Object.keys(v)) {
      if (!allowed.has(key)) throw new ShapeError(key, "not a known key");
      out[key as K] = within(key, () => value.parse(v[key]));
    }
    return out;
  });
}

/** Checks with `inner`, then turns the checked value into another. */
export const map = <T, R>(inner: Shape<T>, to: (value: T) => R): Shape<R> => shape((v) => to(inner.parse(v)));
