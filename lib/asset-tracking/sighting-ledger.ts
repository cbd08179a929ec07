// Idempotency of sighting batches: (gateway, seq) is claimed in sighting_batches before a batch reaches the
// location engine, so a batch resent after a lost acknowledgement is counted as a duplicate and never
// placed twice. Claims from every connection are gathered for a few milliseconds and written in one
// statement (unnest arrays, ON CONFLICT DO NOTHING); each caller learns which of its batches were new once
// that statement has committed (only then is the MQTT PUBACK or HTTP 202 sent).
import "server-only";
import type { Sql } from "@/lib/db/sql";

export type BatchClaim = { gatewayId: string; seq: number; ts: number; sightings: number; unknownTags: number };

type Pending = { claims: BatchClaim[]; resolve(isNew: boolean[]): void; reject(err: unknown): void };

const CLAIM_SQL = `
INSERT INTO sighting_batches (gateway_id, seq, ts, sightings, unknown_tags)
SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::int[], $5::int[])
ON CONFLICT DO NOTHING
RETURNING gateway_id, seq::text AS seq`;

export class SightingLedger {
  private pending: Pending[] = [];
  private pendingCount = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly sql: Sql,
    private readonly opts: { lingerMs?: number; maxBatches?: number } = {},
  ) {}

  /** Resolves with, for each claim, whether it was new (false: a duplicate, seen before). */
  claim(claims: BatchClaim[]): Promise<boolean[]> {
    if (claims.length === 0) return Promise.resolve([]);
    return new Promise<boolean[]>((resolve, reject) => {
      this.pending.push({ claims, resolve, reject });
      this.pendingCount += claims.length;
      if (this.pendingCount >= (this.opts.maxBatches ?? 2_000)) this.flushSoon(0);
      else this.flushSoon(this.opts.lingerMs ?? 5);
    });
  }

  private flushSoon(ms: number): void {
    if (this.timer && ms > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const batch = this.pending;
      this.pending = [];
      this.pendingCount = 0;
      this.flushing = this.flushing.then(() => this.write(batch));
    }, ms);
  }

  /** Waits for every claim handed in so far. */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.timer) {
      this.flushSoon(0);
      await new Promise((r) => setTimeout(r, 1));
    }
    await this.flushing;
  }

  private async write(batch: Pending[]): Promise<void> {
    // The first claim of a key in this flush wins; a later one in the same flush is a duplicate.
    const first = new Map<string, BatchClaim>();
    for (const p of batch) for (const c of p.claims) if (!first.has(key(c))) first.set(key(c), c);
    const rows = [...first.values()];
    try {
      const inserted = await this.sql.query<{ gateway_id: string; seq: string }>(CLAIM_SQL, [
        rows.map((c) => c.gatewayId),
        rows.map((c) => c.seq),
        rows.map((c) => new Date(c.ts).toISOString()),
        rows.map((c) => c.sightings),
        rows.map((c) => c.unknownTags),
      ]);
      const fresh = new Set(inserted.map((r) => `${r.gateway_id}\u0000${r.seq}`));
      for (const p of batch) {
        p.resolve(
          p.claims.map((c) => {
            const k = key(c);
            if (first.get(k) !== c || !fresh.has(k)) return false;
            fresh.delete(k);
            return true;
          }),
        );
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}

function key(c: BatchClaim): string {
  return `${c.gatewayId}\u0000${c.seq}`;
}
