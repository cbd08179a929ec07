// The one place environment variables are read and validated.
import "server-only";
import path from "node:path";
import { z } from "zod";

const onOff = z
  .enum(["on", "off", "1", "0", "true", "false"])
  .transform((v) => v === "on" || v === "1" || v === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(".data"),
  MQTT_URL: z.string().url().optional(),
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1883),
  SIMULATOR: onOff.optional(),
  SEED_DEMO: onOff.optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  INGEST_MAX_BODY_BYTES: z.coerce.number().int().positive().default(256 * 1024),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof envSchema> & {
  dataDir: string;
  embeddedDatabase: boolean;
  /** Demo mode: embedded database, or SEED_DEMO=1. Only then are demo accounts created. */
  demo: boolean;
  simulator: boolean;
};

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = result.data;
  const embeddedDatabase = !e.DATABASE_URL;
  const demo = e.SEED_DEMO ?? embeddedDatabase;
  return {
    ...e,
    dataDir: path.resolve(e.DATA_DIR),
    embeddedDatabase,
    demo,
    simulator: e.SIMULATOR ?? demo,
  };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
