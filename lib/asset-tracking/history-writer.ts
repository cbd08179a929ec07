// Writes what the location engine decided, in batches: every change of room or state as an
// asset_room_history row, the asset's current place and status facts (room, state, since, last seen, in
// use since, soiled, cleaned), and the in-use intervals opened and closed. One flush is three statements
// over unnest arrays. A batch that fails is written again row by row, so one poison row (an asset deleted
// meanwhile, a value the database refuses) is isolated, counted and logged while the rest is stored.
import "server-only";
import type { Sql } from "@/lib/db/sql";

export type HistoryRow = { assetId: string; roomId: string; previousRoomId: string | null; state: string; at: number };

export type AssetSnapshot = {
  assetId: string;
  roomId: string | null;
  state: string | null;
  since: number | null;
  lastSeenAt: number | null;
  inUseSince: number | null;
  soiledAt: number | null;
  cleanedAt: number | null;
};

export type UseChange = { assetId: string; kind: "open" | "close"; at: number };

const iso = (ms: number | null) => (ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString());

const HISTORY_SQL = `
INSERT INTO asset_room_history (asset_id, room_id, previous_room_id, state, at)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])`;

const SNAPSHOT_SQL = `
UPDATE assets a SET room_id = u.room_id, location_state = u.state, since = u.since, last_seen_at = u.last_seen_at,
       in_use_since = u.in_use_since, soiled_at = u.soiled_at, cleaned_at = u.cleaned_at
  FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[])
       AS u(id, room_id, state, since, last_seen_at, in_use_since, soiled_at, cleaned_at)
 WHERE a.id = u.id`;

const CLOSE_USES_SQL = `
UPDATE asset_uses s SET ended_at = u.at FROM unnest($1::text[], $2::timestamptz[]) AS u(asset_id, at)
 WHERE s.asset_id = u.asset_id AND s.ended_at IS NULL`;

const OPEN_USES_SQL = `INSERT INTO asset_uses (asset_id, started_at) SELECT * FROM unnest($1::text[], $2::timestamptz[])`;

export type HistoryWriterStats = { historyRows: number; snapshots: number; poisonRows: number; flushes: number };

export class HistoryWriter {
  private history: HistoryRow[] = [];
  private snapshots = new Map<string, AssetSnapshot>();
  private uses: UseChange[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  readonly stats: HistoryWriterStats = { historyRows: 0, snapshots: 0, poisonRows: 0, flushes: 0 };

  constructor(
    private readonly sql: Sql,
    private readonly opts: { flushMs?: number; maxRows?: number; log?: (msg: string) => void } = {},
  ) {}

  add(history: HistoryRow | null, snapshot: AssetSnapshot, uses: UseChange[] = []): void {
    if (history) this.history.push(history);
    this.snapshots.set(snapshot.assetId, snapshot);
    for (const u of uses) this.uses.push(u);
    if (this.history.length >= (this.opts.maxRows ?? 5_000)) this.schedule(0);
    else this.schedule(this.opts.flushMs ?? 200);
  }

  /** Current place only (last seen moves on without a change). */
  touch(snapshot: AssetSnapshot): void {
    this.snapshots.set(snapshot.assetId, snapshot);
    this.schedule(this.opts.flushMs ?? 200);
  }

  private schedule(ms: number): void {
    if (this.timer && ms > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
    }, ms);
  }

  async drain(): Promise<void> {
    while (this.timer || this.history.length || this.snapshots.size || this.uses.length) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
      await this.flushing;
    }
    await this.flushing;
  }

  private async flush(): Promise<void> {
    const history = this.history;
    const snapshots = [...this.snapshots.values()];
    const uses = this.uses;
    this.history = [];
    this.snapshots = new Map();
    this.uses = [];
    if (!history.length && !snapshots.length && !uses.length) return;
    this.stats.flushes++;
    try {
      await this.sql.transaction(async (tx) => {
        if (history.length) await tx.query(HISTORY_SQL, historyParams(history));
        if (uses.length) await writeUses(tx, uses);
        if (snapshots.length) await tx.query(SNAPSHOT_SQL, snapshotParams(snapshots));
      });
      this.stats.historyRows += history.length;
      this.stats.snapshots += snapshots.length;
    } catch (err) {
      this.opts.log?.(`[assets] batch of ${history.length} changes failed (${(err as Error).message}); writing row by row`);
      await this.oneByOne(history, snapshots, uses);
    }
  }

  private async oneByOne(history: HistoryRow[], snapshots: AssetSnapshot[], uses: UseChange[]): Promise<void> {
    const poison = (what: string, id: string, err: unknown) => {
      this.stats.poisonRows++;
      this.opts.log?.(`[assets] ${what} of asset "${id}" not stored: ${(err as Error).message}`);
    };
    for (const h of history) {
      try {
        await this.sql.query(HISTORY_SQL, historyParams([h]));
        this.stats.historyRows++;
      } catch (err) {
        poison("room change", h.assetId, err);
      }
    }
    for (const u of uses) {
      try {
        await writeUses(this.sql, [u]);
      } catch (err) {
        poison("use", u.assetId, err);
      }
    }
    for (const s of snapshots) {
      try {
        await this.sql.query(SNAPSHOT_SQL, snapshotParams([s]));
        this.stats.snapshots++;
      } catch (err) {
        poison("current place", s.assetId, err);
      }
    }
  }
}

function historyParams(rows: HistoryRow[]): unknown[] {
  return [
    rows.map((r) => r.assetId),
    rows.map((r) => r.roomId),
    rows.map((r) => r.previousRoomId),
    rows.map((r) => r.state),
    rows.map((r) => iso(r.at)),
  ];
}

function snapshotParams(rows: AssetSnapshot[]): unknown[] {
  return [
    rows.map((s) => s.assetId),
    rows.map((s) => s.roomId),
    rows.map((s) => s.state),
    rows.map((s) => iso(s.since)),
    rows.map((s) => iso(s.lastSeenAt)),
    rows.map((s) => iso(s.inUseSince)),
    rows.map((s) => iso(s.soiledAt)),
    rows.map((s) => iso(s.cleanedAt)),
  ];
}

async function writeUses(q: Pick<Sql, "query">, uses: UseChange[]): Promise<void> {
  // In order: a close and a later open of the same asset in one flush must both apply.
  for (let i = 0; i < uses.length;) {
    const kind = uses[i]!.kind;
    let j = i;
    while (j < uses.length && uses[j]!.kind === kind) j++;
    const run = uses.slice(i, j);
    await q.query(kind === "close" ? CLOSE_USES_SQL : OPEN_USES_SQL, [run.map((u) => u.assetId), run.map((u) => iso(u.at))]);
    i = j;
  }
}
