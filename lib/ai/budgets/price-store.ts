// The price table in the database: every row kept (history), a new row supersedes its pattern from its
// effective date. Seeded from the product brief's list at start when empty. The table is cached per
// database for a few seconds (a change on another app node is seen within PRICE_CACHE_MS).
import "server-only";
import { getDatabase, perDatabase } from "@/lib/db/database";
import { recordAudit } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { findPrice, SEED_PRICES, type ModelPrice, type PriceEntry } from "@/lib/ai/costs/prices";
import { nanoToUsd, usdToNano } from "@/lib/ai/costs/money";
import type { PriceView, SetPriceInput } from "@/lib/ai/service-types";
import type { AiActor } from "@/lib/ai/actor";
import { nanoToDecimal, num, toDate } from "./rows";

const PRICE_CACHE_MS = 5_000;

type PriceRow = {
  id: string;
  model_pattern: string;
  effective_from: Date | string;
  input_nano_per_m: unknown;
  cached_input_nano_per_m: unknown;
  output_nano_per_m: unknown;
  created_at: Date | string;
  created_by_id: string | null;
};

type Cache = { at: number; table: PriceEntry[] | null };

function toEntry(r: PriceRow): PriceEntry {
  return {
    modelPattern: r.model_pattern,
    effectiveFrom: toDate(r.effective_from),
    inputPerM: nanoToDecimal(num(r.input_nano_per_m)),
    cachedInputPerM: nanoToDecimal(num(r.cached_input_nano_per_m)),
    outputPerM: nanoToDecimal(num(r.output_nano_per_m)),
  };
}

async function readRows(): Promise<PriceRow[]> {
  const { sql } = await getDatabase();
  return sql.query<PriceRow>(`SELECT * FROM ai_prices ORDER BY model_pattern, effective_from DESC, created_at DESC`);
}

async function cache(): Promise<Cache> {
  return perDatabase("aiPriceCache", () => ({ at: 0, table: null }) as Cache);
}

export async function priceTable(): Promise<PriceEntry[]> {
  const c = await cache();
  if (!c.table || Date.now() - c.at > PRICE_CACHE_MS) {
    c.table = (await readRows()).map(toEntry);
    c.at = Date.now();
  }
  return c.table;
}

/** The price in force for `model` at `at`, or a Refusal saying no price is configured. */
export async function priceFor(model: string, at: Date): Promise<ModelPrice> {
  const price = findPrice(await priceTable(), model, at);
  if (!price) {
    throw new Refusal("unavailable", `no price is configured for model "${model}"; an admin adds one under AI spend (prices)`, {
      field: "model",
    });
  }
  return price;
}

export async function listPriceViews(now = new Date()): Promise<PriceView[]> {
  const rows = await readRows();
  const seen = new Set<string>();
  const inForce = new Set<string>();
  for (const r of rows) {
    const key = r.model_pattern.toLowerCase();
    if (toDate(r.effective_from) > now || seen.has(key)) continue;
    seen.add(key);
    inForce.add(r.id);
  }
  return rows.map((r) => ({
    id: r.id,
    model: r.model_pattern,
    effectiveFrom: toDate(r.effective_from).toISOString(),
    inputPerM: nanoToUsd(num(r.input_nano_per_m)),
    cachedInputPerM: nanoToUsd(num(r.cached_input_nano_per_m)),
    outputPerM: nanoToUsd(num(r.output_nano_per_m)),
    createdAt: toDate(r.created_at).toISOString(),
    createdBy: r.created_by_id,
    inForce: inForce.has(r.id),
  }));
}

function nano(field: string, v: number): number {
  try {
    return usdToNano(v);
  } catch (err) {
    throw new Refusal("invalid", (err as Error).message, { field });
  }
}

export async function addPrice(actor: AiActor, input: SetPriceInput): Promise<PriceView> {
  const model = input.model.trim();
  if (!model) throw new Refusal("invalid", "must not be empty", { field: "model" });
  const values = {
    input: nano("inputPerM", input.inputPerM),
    cached: nano("cachedInputPerM", input.cachedInputPerM),
    output: nano("outputPerM", input.outputPerM),
  };
  const prisma = (await getDatabase()).prisma;
  const row = await prisma.aiPrice.create({
    data: {
      modelPattern: model,
      effectiveFrom: input.effectiveFrom ?? new Date(),
      inputNanoPerM: BigInt(values.input),
      cachedInputNanoPerM: BigInt(values.cached),
      outputNanoPerM: BigInt(values.output),
      createdById: actor.principal.userId,
    },
  });
  (await cache()).table = null;
  await recordAudit([
    {
      actor: actor.principal,
      action: "ai.price.set",
      meta: actor.meta,
      detail: {
        model,
        effectiveFrom: row.effectiveFrom.toISOString(),
        inputPerM: input.inputPerM,
        cachedInputPerM: input.cachedInputPerM,
        outputPerM: input.outputPerM,
      },
    },
  ]);
  const view = (await listPriceViews()).find((p) => p.id === row.id);
  if (!view) throw new Error("price row vanished");
  return view;
}

/** At start: the seed list when the table is empty (every install). */
export async function seedPrices(): Promise<number> {
  const { sql } = await getDatabase();
  const [{ n }] = (await sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM ai_prices`)) as [{ n: unknown }];
  if (num(n) > 0) return 0;
  const prisma = (await getDatabase()).prisma;
  await prisma.aiPrice.createMany({
    data: SEED_PRICES.map((p) => ({
      modelPattern: p.modelPattern,
      effectiveFrom: p.effectiveFrom,
      inputNanoPerM: BigInt(usdToNano(p.inputPerM)),
      cachedInputNanoPerM: BigInt(usdToNano(p.cachedInputPerM)),
      outputNanoPerM: BigInt(usdToNano(p.outputPerM)),
    })),
  });
  (await cache()).table = null;
  return SEED_PRICES.length;
}
