// Writes the environment compliance record (table environment_excursions) from the equipment watch's
// events: an excursion when it is reported (with its start, the first reading out of range), as its
// lowest/highest reading moves, and when it ends; a logger gap when it opens and when readings resume
// (or removed, if the late readings show the logger recorded in time).
// Rows are keyed by (device, kind, start), so replaying readings after a restart rewrites the same rows
// rather than adding new ones. Writes are ordered per device and retried until stored. Once an alarm is
// raised for an excursion or gap, its id is linked to the newest unlinked row of that kind.
import "server-only";
import crypto from "node:crypto";
import type { Sql } from "@/lib/db/sql";
import { KeyedWriteQueue } from "@/lib/db/keyed-write-queue";
import type { EnvironmentEvent, Excursion } from "@/lib/detectors/environment-excursion";
import type { EnvironmentProfile } from "@/lib/domain/environment-profiles";

/** What the record is told (by the alarm engine's equipment watch): an excursion started, progressed or
 *  ended, or a logger gap opened, closed or was withdrawn, with the device's profile and place at the time. */
export type EnvironmentRecord = {
  info: { deviceId: string; profile: EnvironmentProfile; location: string | null; wardId: string | null };
  event: EnvironmentEvent | { type: "excursion-progress"; t: number; excursion: Excursion };
};

type Row = {
  deviceId: string;
  kind: "high" | "low" | "data_gap";
  profile: string;
  location: string | null;
  wardId: string | null;
  startedAt: Date;
  endedAt: Date | null;
  minC: number | null;
  maxC: number | null;
};

/** The alarms that stand for rows of this record, and the row kinds each covers. */
const ALERT_RULE_KINDS: Readonly<Record<string, readonly Row["kind"][]>> = {
  "env.excursion": ["high", "low"],
  "tech.logger_gap": ["data_gap"],
};

export function toExcursionRow({ info, event }: EnvironmentRecord): Row {
  const base = { deviceId: info.deviceId, profile: info.profile, location: info.location, wardId: info.wardId };
  if (event.type === "data-gap" || event.type === "data-gap-withdrawn") {
    const { gap } = event;
    return {
      ...base,
      kind: "data_gap",
      startedAt: new Date(gap.startT),
      endedAt: gap.endT === null ? null : new Date(gap.endT),
      minC: null,
      maxC: null,
    };
  }
  const x = event.excursion;
  return {
    ...base,
    kind: x.kind,
    startedAt: new Date(x.startT),
    endedAt: x.endT === null ? null : new Date(x.endT),
    minC: x.minC,
    maxC: x.maxC,
  };
}

export class ExcursionLog {
  private readonly queue: KeyedWriteQueue;

  constructor(
    private readonly sql: Sql,
    opts: { retryBaseMs?: number } = {},
  ) {
    this.queue = new KeyedWriteQueue({ label: "environment", sql, retryBaseMs: opts.retryBaseMs });
  }

  record(r: EnvironmentRecord): void {
    const row = toExcursionRow(r);
    if (r.event.type === "data-gap-withdrawn") this.queue.enqueue(row.deviceId, () => this.withdrawGap(row), { withdraw: row });
    else this.queue.enqueue(row.deviceId, () => this.upsert(row), row);
  }

  /** An alarm was raised: if it is for a device's excursion or logger gap, link it to that row. */
  linkAlert(deviceId: string, alertId: string, rule: string): void {
    const kinds = ALERT_RULE_KINDS[rule];
    if (!kinds) return;
    this.queue.enqueue(deviceId, async () => {
      await this.sql.query(
        `UPDATE environment_excursions SET alert_id = $1
          WHERE id = (SELECT id FROM environment_excursions
                       WHERE device_id = $2 AND kind::text = ANY($3::text[]) AND alert_id IS NULL
                       ORDER BY started_at DESC LIMIT 1)`,
        [alertId, deviceId, kinds],
      );
    });
  }

  drain(): Promise<void> {
    return this.queue.drain();
  }

  stop(): void {
    this.queue.stop();
  }

  /** A gap opened while nothing arrived, which the late readings filled: not part of the record. Its
   *  alarm stays in the alert history; a row someone already wrote a corrective action for is kept. */
  private async withdrawGap(r: Row): Promise<void> {
    await this.sql.query(
      `DELETE FROM environment_excursions
        WHERE device_id = $1 AND kind = 'data_gap' AND started_at = $2 AND ended_at IS NULL AND corrective_action IS NULL`,
      [r.deviceId, r.startedAt.toISOString()],
    );
  }

  private async upsert(r: Row): Promise<void> {
    await this.sql.query(
      `INSERT INTO environment_excursions (id, device_id, kind, profile, location, ward_id, started_at, ended_at, min_c, max_c)
       VALUES ($1, $2, $3::"ExcursionKind", $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (device_id, kind, started_at) DO UPDATE SET
         ended_at = COALESCE(EXCLUDED.ended_at, environment_excursions.ended_at),
         min_c = LEAST(environment_excursions.min_c, EXCLUDED.min_c),
         max_c = GREATEST(environment_excursions.max_c, EXCLUDED.max_c)`,
      [
        crypto.randomUUID(),
        r.deviceId,
        r.kind,
        r.profile,
        r.location,
        r.wardId,
        r.startedAt.toISOString(),
        r.endedAt?.toISOString() ?? null,
        r.minC,
        r.maxC,
      ],
    );
  }
}
