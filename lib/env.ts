// The one place environment variables are read and validated.
import "server-only";
import path from "node:path";
import { z } from "zod";

const onOff = z.enum(["on", "off", "1", "0", "true", "false"]).transform((v) => v === "on" || v === "1" || v === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  /** Connections this node keeps to PostgreSQL; unset: two per core and one (lib/db/open-database). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).optional(),
  DATA_DIR: z.string().default(".data"),
  /** A new embedded data directory is a copy of a cached initdb template (`off`: initdb in a child each time). */
  PGLITE_TEMPLATE: onOff.default(true),
  /** Folder of the template cache (default node_modules/.cache/iomt-ward). */
  PGLITE_TEMPLATE_CACHE: z.string().optional(),
  MQTT_URL: z.string().url().optional(),
  /**
   * Several app nodes: Redis for Socket.IO's Redis Streams adapter (fan-out across nodes) and the feed of
   * every node's frames to the one node that runs the alarm engine (elected in PostgreSQL).
   */
  REDIS_URL: z.string().url().optional(),
  /** Stable MQTT client id of this app node at the external broker, so its session survives a crash. */
  MQTT_CLIENT_ID: z.string().min(1).max(128).optional(),
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1883),
  /** With MQTT_URL: push device credentials to Mosquitto's dynamic-security plugin (the URL's user must administer it). */
  MQTT_DYNSEC: onOff.optional(),
  SIMULATOR: onOff.optional(),
  SEED_DEMO: onOff.optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  INGEST_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024),
  /** Per-device rate limit: frames per second sustained, and the burst a device may send at once. */
  INGEST_RATE_PER_SEC: z.coerce.number().positive().default(20),
  INGEST_RATE_BURST: z.coerce.number().int().positive().default(200),
  /** Frames waiting for the database before ingest refuses more (HTTP 503, MQTT connection closed). */
  INGEST_BUFFER_FRAMES: z.coerce.number().int().positive().default(50_000),
  /** An HTTP telemetry request not confirmed within this time gets 503 (the frames may still be stored). */
  INGEST_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Seconds an alert may stay unacknowledged before it escalates one level, per priority. */
  ALERT_ESCALATION_HIGH_S: z.coerce.number().int().min(5).max(86_400).default(60),
  ALERT_ESCALATION_MEDIUM_S: z.coerce.number().int().min(5).max(86_400).default(180),
  ALERT_ESCALATION_LOW_S: z.coerce.number().int().min(5).max(86_400).default(600),
  ALERT_ESCALATION_TECHNICAL_S: z.coerce.number().int().min(5).max(86_400).default(600),
  /** A reading older than this (minutes) does not count towards live NEWS2. */
  NEWS2_FRESHNESS_MIN: z.coerce.number().int().min(1).max(240).default(15),
  /** Ed25519 public keys trusted to sign firmware: comma-separated base64 SPKI DER or PEM. */
  FIRMWARE_TRUSTED_KEYS: z.string().optional(),
  /** Base URL devices use to download firmware packages (default http://localhost:PORT). */
  FIRMWARE_BASE_URL: z.string().url().optional(),
  // AI (lib/ai): any OpenAI-compatible Chat Completions server; unset base URL = the built-in demo model.
  /** e.g. https://api.openai.com/v1, https://<resource>.openai.azure.com/openai/v1/, http://localhost:11434/v1 (Ollama). */
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_API_KEY: z.string().optional(),
  /** The most one model call may take, the SDK's retries included (then HTTP 503). */
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** The SDK's own retries on connection errors, 429 and 5xx. */
  AI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** Replaces every prompt version's model name (e.g. a local model served by Ollama or vLLM). */
  AI_MODEL: z.string().min(1).max(100).optional(),
  /** "off" composes outbound AI requests (de-identify, render, count) on the event loop instead of a worker thread. */
  AI_OUTBOUND_WORKER: z.enum(["on", "off"]).default("on"),
  // hospital operations
  /** MLLP port of the HL7 v2 ADT listener (off unless set; 0 picks a free port). */
  HL7_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Interface the HL7 listener binds (the PAS must reach it). */
  HL7_HOST: z.string().default("127.0.0.1"),
  /** IANA time zone of HL7 timestamps sent without an offset (the PAS's local time). */
  HL7_TIME_ZONE: z.string().default("UTC"),
  /** Comma-separated addresses allowed to connect to the HL7 listener (unset: any). */
  HL7_ALLOW_FROM: z.string().optional(),
  // trust (issue 11): ingest horizon, transport security, encryption at rest
  /** Frames older than this many days are refused (clock errors, replays). */
  INGEST_MAX_AGE_DAYS: z.coerce.number().positive().max(3650).default(7),
  /** Device types that store readings offline and upload them later, and how far back they may. */
  INGEST_BACKFILL_TYPES: z.string().default("cgm,bp_cuff,smart_inhaler,env_sensor,home_air_sensor"),
  INGEST_BACKFILL_DAYS: z.coerce.number().positive().max(3650).default(30),
  /** `self-signed`: generate a certificate into DATA_DIR when TLS_CERT/TLS_KEY are not set. */
  TLS: z.enum(["off", "self-signed"]).default("off"),
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  /** With TLS: a plain-HTTP port that redirects to HTTPS (unset: none). */
  HTTP_REDIRECT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** With TLS: the embedded broker's MQTT-over-TLS port. */
  MQTTS_PORT: z.coerce.number().int().min(0).max(65535).default(8883),
  /** Interface of the embedded broker's plain (non-TLS) port. */
  MQTT_BIND: z.string().default("127.0.0.1"),
  /**
   * The embedded broker's sockets, MQTT protocol and per-frame parse/validation run on a worker thread
   * (`worker`), so ingest uses a second core; `inline` runs them all on the main event loop; `auto`:
   * the worker with PostgreSQL (a deployment sized for load), inline with the embedded database (the
   * one-command demo: light ingest, and the thread costs ~48 MiB).
   */
  MQTT_TRANSPORT: z.enum(["auto", "worker", "inline"]).default("auto"),
  /** Mutual TLS on MQTTS: `optional` accepts a device certificate from the platform CA, `required` demands one. */
  MQTT_CLIENT_CERTS: z.enum(["off", "optional", "required"]).default("optional"),
  /** Key for PHI encrypted at rest (base64 or hex of 32 bytes); generated into DATA_DIR/data-key on the embedded default. */
  DATA_KEY: z.string().optional(),
  /** During a rotation: the previous DATA_KEY(s), comma-separated, still readable until `db rotate-key` has run. */
  DATA_KEY_PREVIOUS: z.string().optional(),
  // sessions, login and headers (SECURITY.md)
  /** Minutes without a request before a browser session ends (wall screen accounts are exempt). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  /** Absolute session lifetime in hours, whatever the activity. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 7)
    .default(8),
  /** An admin whose sign-in (or last password confirmation) is older than this must confirm the password before a change. */
  ADMIN_REAUTH_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  /** Failed sign-ins per account before it is locked for LOGIN_LOCKOUT_MINUTES. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** Failed sign-ins from one client IP (any accounts) before that IP is locked for LOGIN_LOCKOUT_MINUTES. */
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(30),
  LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  /** Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: comma-separated IPs or CIDRs. */
  TRUSTED_PROXIES: z.string().optional(),
  /** Origins (besides the app's own) allowed to open a Socket.IO connection from a browser: comma-separated. */
  SOCKET_ORIGINS: z.string().optional(),
  /** Alert e-mail (lib/notify): smtp:// or smtps:// URL with credentials; unset: no e-mail. */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), "must be an smtp:// or smtps:// URL")
    .optional(),
  SMTP_FROM: z.string().min(3).default("IoMT alerts <alerts@localhost>"),
  /** The app's public address, for links in alert e-mails (default http://localhost:PORT). */
  PUBLIC_URL: z.string().url().optional(),
  /** Web Push services a subscription may point at (host or parent domain, comma-separated): the server
   *  POSTs to the endpoint, so any other address is refused (no requests to internal hosts). */
  PUSH_SERVICE_HOSTS: z
    .string()
    .default(
      "fcm.googleapis.com,android.googleapis.com,updates.push.services.mozilla.com,push.services.mozilla.com,web.push.apple.com,notify.windows.com",
    ),
  /** VAPID contact (mailto: or https:) sent to push services; default derived from PUBLIC_URL or SMTP_FROM. */
  VAPID_SUBJECT: z
    .string()
    .refine((s) => s.startsWith("mailto:") || s.startsWith("https://"), "must start with mailto: or https://")
    .optional(),
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
  if (e.REDIS_URL && embeddedDatabase) {
    throw new Error(
      "Invalid configuration:\n  REDIS_URL: several app nodes need a shared PostgreSQL; set DATABASE_URL too (the embedded database is single-process)",
    );
  }
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
