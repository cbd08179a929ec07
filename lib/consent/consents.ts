// lib/consent owns a patient's consents per purpose (care, remote monitoring, AI processing, research):
// recording a decision (every decision kept, with the text version, time and channel; audited), reading
// what is in force (the newest decision per purpose, else the purpose's default), and the gate other
// capabilities call where a purpose matters: a withdrawal takes effect on the next call, everywhere.
import "server-only";
import crypto from "node:crypto";
import { getDatabase } from "@/lib/db/database";
import type { Sql } from "@/lib/db/sql";
import { recordAudit, type AuditBy } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import {
  CONSENT_INFO,
  CONSENT_PURPOSES,
  CONSENT_TEXT_VERSION,
  type ConsentChannel,
  type ConsentPurpose,
  type ConsentState,
} from "./consent-purposes";

type Q = Pick<Sql, "query">;
type Row = { purpose: string; granted: boolean; text_version: string; channel: string; recorded_at: Date | string };

function isPurpose(p: string): p is ConsentPurpose {
  return (CONSENT_PURPOSES as readonly string[]).includes(p);
}

/** Every purpose's state for the patient, in CONSENT_PURPOSES order. */
export async function currentConsents(q: Q, patientId: string): Promise<ConsentState[]> {
  const rows = await q.query<Row>(
    `SELECT DISTINCT ON (purpose) purpose, granted, text_version, channel, recorded_at
       FROM patient_consents WHERE patient_id = $1 ORDER BY purpose, recorded_at DESC, id DESC`,
    [patientId],
  );
  const byPurpose = new Map(rows.filter((r) => isPurpose(r.purpose)).map((r) => [r.purpose, r]));
  return CONSENT_PURPOSES.map((purpose) => {
    const r = byPurpose.get(purpose);
    if (!r) {
      return {
        purpose,
        granted: CONSENT_INFO[purpose].default,
        source: "default",
        textVersion: CONSENT_TEXT_VERSION,
        channel: null,
        recordedAt: null,
      };
    }
    return {
      purpose,
      granted: r.granted,
      source: "recorded",
      textVersion: r.text_version,
      channel: r.channel as ConsentChannel,
      recordedAt: new Date(r.recorded_at).toISOString(),
    };
  });
}

export async function hasConsent(q: Q, patientId: string, purpose: ConsentPurpose): Promise<boolean> {
  const [r] = await q.query<{ granted: boolean }>(
    `SELECT granted FROM patient_consents WHERE patient_id = $1 AND purpose = $2 ORDER BY recorded_at DESC, id DESC LIMIT 1`,
    [patientId, purpose],
  );
  return r ? r.granted : CONSENT_INFO[purpose].default;
}

/** The gate's answer: a Refusal (403) naming the consent not in force (callers read it with their own query,
 *  consentInForceSql, e.g. lib/ai/parameters/subject). */
export function consentRefusal(purpose: ConsentPurpose): Refusal {
  return new Refusal(
    "forbidden",
    `the patient has not consented to ${CONSENT_INFO[purpose].label.toLowerCase()} (${purpose}), or withdrew it`,
  );
}

/** Records a decision (a new row: the history stays) and audits it; returns the purpose's new state. */
export async function recordConsent(
  patientId: string,
  input: { purpose: ConsentPurpose; granted: boolean; channel: ConsentChannel },
  by: AuditBy & { userId: string | null },
): Promise<ConsentState> {
  const { sql } = await getDatabase();
  const before = await hasConsent(sql, patientId, input.purpose);
  const at = new Date();
  await sql.query(
    `INSERT INTO patient_consents (id, patient_id, purpose, granted, text_version, channel, recorded_by_id, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [crypto.randomUUID(), patientId, input.purpose, input.granted, CONSENT_TEXT_VERSION, input.channel, by.userId, at],
  );
  await recordAudit([
    {
      actor: by.actor,
      meta: by.meta,
      action: input.granted ? "consent.grant" : "consent.withdraw",
      patientId,
      detail: { purpose: input.purpose, before, after: input.granted, textVersion: CONSENT_TEXT_VERSION, channel: input.channel },
    },
  ]);
  return {
    purpose: input.purpose,
    granted: input.granted,
    source: "recorded",
    textVersion: CONSENT_TEXT_VERSION,
    channel: input.channel,
    recordedAt: at.toISOString(),
  };
}

/**
 * A SQL condition, true for the rows whose patient (`patientColumn`, e.g. "p.id") has the purpose's
 * consent in force: the newest decision, else the purpose's default. For queries that gather several
 * patients (the ward brief's census, research exports). A NULL patient (equipment) passes.
 */
export function consentInForceSql(patientColumn: string, purpose: ConsentPurpose): string {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(patientColumn)) throw new Error(`not a column reference: ${patientColumn}`);
  const latest = `(SELECT c.granted FROM patient_consents c WHERE c.patient_id = ${patientColumn} AND c.purpose = '${purpose}'
                    ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1)`;
  return `(${patientColumn} IS NULL OR COALESCE(${latest}, ${CONSENT_INFO[purpose].default ? "true" : "false"}))`;
}
