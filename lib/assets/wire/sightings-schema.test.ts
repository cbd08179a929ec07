// The sightings wire format: what a gateway may send, and a refusal naming the field for what it may not.
import { describe, expect, it } from "vitest";
import {
  MAX_BATCHES_PER_BODY,
  MAX_SIGHTINGS_PER_BATCH,
  parseSightingsBody,
  parseSightingsJson,
  toEngineSightings,
} from "./sightings-schema";

const TS = "2026-01-05T10:00:00.000Z";
const batch = (extra: Record<string, unknown> = {}) => ({
  seq: 7,
  ts: TS,
  sightings: [
    { tag: "tag-0001", rssi: -63 },
    { tag: "PUMP-0003.tag", rssi: -80.5 },
  ],
  ...extra,
});

function issues(body: unknown): string[] {
  const r = parseSightingsBody(body);
  return r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.reason}`);
}

describe("sightings wire format", () => {
  it("accepts one batch or an array of batches, with times as epoch milliseconds", () => {
    expect(parseSightingsBody(batch())).toEqual({
      ok: true,
      isArray: false,
      batches: [
        {
          seq: 7,
          ts: Date.parse(TS),
          sightings: [
            { tag: "tag-0001", rssi: -63 },
            { tag: "PUMP-0003.tag", rssi: -80.5 },
          ],
        },
      ],
    });
    const r = parseSightingsBody([batch(), batch({ seq: 8, ts: "2026-01-05T11:00:01+01:00", sightings: [] })]);
    expect(r.ok && [r.isArray, r.batches.map((b) => [b.seq, b.ts])]).toEqual([
      true,
      [
        [7, Date.parse(TS)],
        [8, Date.parse(TS) + 1000],
      ],
    ]);
  });

  it("accepts RSSI from -120 to 0 dBm and refuses beyond, naming the sighting", () => {
    expect(
      issues(
        batch({
          sightings: [
            { tag: "a", rssi: -120 },
            { tag: "b", rssi: 0 },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      issues(
        batch({
          sightings: [
            { tag: "a", rssi: -120.5 },
            { tag: "b", rssi: 3 },
            { tag: "c", rssi: "-60" },
            { tag: "d", rssi: Infinity },
            { tag: "e" },
          ],
        }),
      ),
    ).toEqual([
      "batch.sightings[0].rssi: -120.5 is below the minimum -120 dBm",
      "batch.sightings[1].rssi: 3 is above the maximum 0 dBm",
      "batch.sightings[2].rssi: must be a number (dBm)",
      "batch.sightings[3].rssi: must be a finite number (dBm)",
      "batch.sightings[4].rssi: is required",
    ]);
  });

  it("refuses bad tags, unknown fields and things that are not sightings", () => {
    expect(
      issues(
        batch({ sightings: [{ tag: "has space", rssi: -50 }, { tag: "", rssi: -50 }, { tag: "x", rssi: -50, ts: TS }, "tag-1", null] }),
      ),
    ).toEqual([
      "batch.sightings[0].tag: must be a tag's device id (letters, digits, '.', '_', '-'; at most 64)",
      "batch.sightings[1].tag: must be a tag's device id (letters, digits, '.', '_', '-'; at most 64)",
      'batch.sightings[2]: unknown field "ts" (a sighting is {tag, rssi})',
      "batch.sightings[3]: must be an object {tag, rssi}",
      "batch.sightings[4]: must be an object {tag, rssi}",
    ]);
    expect(issues(batch({ gateway: "gw-1" }))).toEqual(['batch: unknown field "gateway"']);
    expect(issues("hello")).toEqual(["batch: must be a JSON object with seq, ts and sightings"]);
  });

  it("checks seq and ts like telemetry frames", () => {
    expect(issues({ sightings: [] })).toEqual(["batch.seq: is required", "batch.ts: is required"]);
    expect(issues(batch({ seq: -1 }))).toEqual(["batch.seq: must be 0 or more"]);
    expect(issues(batch({ seq: 1.5 }))).toEqual(["batch.seq: must be a whole number"]);
    expect(issues(batch({ ts: "2026-01-05 10:00" }))).toEqual([
      "batch.ts: must be an ISO 8601 date-time with offset, e.g. 2026-11-23T18:00:00.000Z",
    ]);
    expect(issues(batch({ ts: new Date(Date.now() + 10 * 60_000).toISOString() }))).toEqual([
      "batch.ts: is more than 5 minutes in the future",
    ]);
    expect(issues([batch(), batch({ seq: 8 }), batch()])).toEqual(["batches[2].seq: seq 7 appears twice in this body (also batches[0])"]);
  });

  it("limits sightings per batch and batches per body", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ tag: `t${i}`, rssi: -70 }));
    expect(issues(batch({ sightings: many(MAX_SIGHTINGS_PER_BATCH) }))).toEqual([]);
    expect(issues(batch({ sightings: many(MAX_SIGHTINGS_PER_BATCH + 1) }))).toEqual(["batch.sightings: at most 500 sightings per batch"]);
    expect(issues(Array.from({ length: MAX_BATCHES_PER_BODY + 1 }, (_, i) => batch({ seq: i })))).toEqual([
      "body: at most 100 batches per body (got 101)",
    ]);
    expect(issues([])).toEqual(["body: array of batches is empty"]);
  });

  it("is all or nothing, summarising the problems on one line", () => {
    const r = parseSightingsBody([batch(), batch({ seq: 9, sightings: [{ tag: "a", rssi: 1 }] })]);
    expect(r).toMatchObject({ ok: false, error: "batches[1].sightings[0].rssi: 1 is above the maximum 0 dBm" });
  });

  it("parses raw bytes and says when they are not JSON", () => {
    const r = parseSightingsJson(new TextEncoder().encode(JSON.stringify(batch())));
    expect(r.ok && r.batches[0]!.sightings).toHaveLength(2);
    const bad = parseSightingsJson("{seq:");
    expect(bad.ok ? "" : bad.error).toMatch(/^body: is not valid JSON/);
  });

  it("turns batches into engine sightings stamped with the batch time and the gateway", () => {
    const r = parseSightingsBody([batch(), batch({ seq: 8, ts: "2026-01-05T10:00:05Z", sightings: [{ tag: "tag-0001", rssi: -61 }] })]);
    if (!r.ok) throw new Error(r.error);
    expect(toEngineSightings("gw-4e-01", r.batches)).toEqual([
      { tagId: "tag-0001", gatewayId: "gw-4e-01", rssi: -63, ts: Date.parse(TS) },
      { tagId: "PUMP-0003.tag", gatewayId: "gw-4e-01", rssi: -80.5, ts: Date.parse(TS) },
      { tagId: "tag-0001", gatewayId: "gw-4e-01", rssi: -61, ts: Date.parse(TS) + 5000 },
    ]);
  });
});
