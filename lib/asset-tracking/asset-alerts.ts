// Asset alerts through the platform's alert path (lib/alerts AlertWriter: stored with its trail, then
// published, escalated like any other): an asset entering a forbidden room or leaving its allowed zone
// (through an exit) raises an equipment alert `device.zone_exit` keyed by its tag (biomed, and the ward's
// nurses); it clears when the asset is back inside. Fewer available assets of a class on a floor than its
// par level raises a low-priority `asset.par_low` for the ward's charge nurse; it clears at par again.
import "server-only";
import {
  ASSET_CLASSES,
  DEFAULT_ZONE_RULES,
  evaluateZoneRules,
  isAssetClass,
  parShortfalls,
  zoneBreach,
  type ParAsset,
  type ParLevel,
  type ParShortfall,
  type ZoneRule,
} from "@/lib/assets/asset-map";
import type { Finding } from "@/lib/alerts/rule-types";
import type { RoomInfo, TrackedAsset } from "./tracking-layout";

export type AlertSink = { raise(f: Finding): void; clear(f: Finding): void };

export const ZONE_RULE = "device.zone_exit";
export const PAR_RULE = "asset.par_low";

const classLabel = (c: string) => (isAssetClass(c) ? ASSET_CLASSES[c] : c).toLowerCase();

export class AssetAlerts {
  private readonly breached = new Set<string>();
  private short = new Map<string, ParShortfall>();
  private firstPar = true;

  constructor(
    private readonly sink: AlertSink,
    private readonly rules: readonly ZoneRule[] = DEFAULT_ZONE_RULES,
  ) {}

  onMove(asset: TrackedAsset, from: RoomInfo | null, to: RoomInfo, at: number): void {
    const violations = evaluateZoneRules(this.rules, { id: asset.assetId, class: asset.class }, from, to, at);
    const key = `${ZONE_RULE}:${asset.tagId}`;
    const label = asset.name ?? asset.tagId;
    if (violations.length > 0) {
      this.breached.add(key);
      const how = violations[0]!.breach === "forbidden_room" ? `entered ${to.name}` : `left its zone into ${to.name}`;
      this.sink.raise(
        this.finding(key, "violated", at, {
          rule: ZONE_RULE,
          priority: "medium",
          message: `${ASSET_CLASSES[isAssetClass(asset.class) ? asset.class : "other"]} ${label} ${how} (${to.floorId})`,
          wardId: to.wardId,
          deviceId: asset.tagId,
        }),
      );
      return;
    }
    if (this.breached.has(key) && this.rules.every((r) => zoneBreach(r, to) === null)) {
      this.breached.delete(key);
      this.sink.clear(
        this.finding(key, "normal", at, {
          rule: ZONE_RULE,
          priority: "medium",
          message: `${label} is back in ${to.name}`,
          wardId: to.wardId,
          deviceId: asset.tagId,
        }),
      );
    }
  }

  /** Re-checks every par level; raises new shortfalls and clears recovered ones. */
  checkPar(levels: readonly ParLevel[], assets: readonly ParAsset[], wardOf: (floorId: string) => string | null, at: number): void {
    const current = new Map(parShortfalls(levels, assets).map((s) => [`${s.floorId}:${s.class}`, s]));
    for (const [k, s] of current) {
      if (this.short.has(k)) continue;
      this.sink.raise(
        this.finding(`${PAR_RULE}:${k}`, "violated", at, {
          rule: PAR_RULE,
          priority: "low",
          message: `${s.floorId}: ${s.available} available ${classLabel(s.class)}${s.available === 1 ? "" : "s"}, par level ${s.minimum}`,
          wardId: wardOf(s.floorId),
          deviceId: null,
          value: s.available,
        }),
      );
    }
    for (const level of levels) {
      const k = `${level.floorId}:${level.class}`;
      if (current.has(k) || (!this.short.has(k) && !this.firstPar)) continue;
      this.sink.clear(
        this.finding(`${PAR_RULE}:${k}`, "normal", at, {
          rule: PAR_RULE,
          priority: "low",
          message: `${level.floorId}: ${classLabel(level.class)}s back at par`,
          wardId: wardOf(level.floorId),
          deviceId: null,
        }),
      );
    }
    this.short = current;
    this.firstPar = false;
  }

  private finding(
    key: string,
    status: Finding["status"],
    at: number,
    a: { rule: string; priority: "medium" | "low"; message: string; wardId: string | null; deviceId: string | null; value?: number },
  ): Finding {
    return {
      key,
      status,
      at,
      confirmMs: 0,
      alarm: {
        rule: a.rule,
        priority: a.priority,
        message: a.message,
        value: a.value ?? null,
        patientId: null,
        wardId: a.wardId,
        deviceId: a.deviceId,
      },
    };
  }
}
