"use client";
// The alarm limits in force for this patient (every clinician may read them) and, for physicians and
// admins, a per-patient override with a mandatory reason, saved by a server action. A blank field
// inherits the ward or built-in limit; "Remove override" returns the parameter to them.
import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition, type FormEvent } from "react";
import { queryKeys } from "@/components/data/query-keys";
import { Input } from "@/components/ui/input";
import { isLimitCode } from "@/lib/alerts/alarm-limits";
import type { LimitView } from "@/lib/charts/prepare-limits";
import { METRICS } from "@/lib/domain/metrics";
import { setPatientLimitAction } from "./limit-actions";
import { describeLimit, hasPatientOverride, initialField, parseLimitField } from "./limits-editor-model";
import { errorText } from "./patient-api";
import { useAlarmLimits } from "./use-patient-data";

type Bound = "low" | "high";
const BOUNDS: readonly { key: Bound; label: string }[] = [
  { key: "low", label: "Low limit" },
  { key: "high", label: "High limit" },
];
const button = "rounded border border-line-strong px-2 py-0.5 text-xs hover:bg-panel-raised disabled:opacity-50";

function label(code: string): string {
  return isLimitCode(code) ? `${METRICS[code].label}${METRICS[code].display ? ` (${METRICS[code].display})` : ""}` : code;
}

export function LimitsEditor({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const query = useAlarmLimits(patientId);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="limits-heading" className="mt-8" data-testid="alarm-limits">
      <h2 id="limits-heading" className="text-lg font-semibold">
        Alarm limits <span className="text-sm font-normal text-ink-muted">in force for this patient</span>
      </h2>
      {query.isError && <p className="mt-2 text-sm text-alarm-low">{errorText(query.error, "Alarm limits")}</p>}
      {query.data && (
        <table className="mt-3 w-full max-w-5xl text-sm">
          <thead>
            <tr className="border-b border-line text-left text-xs text-ink-muted">
              <th className="py-1 pr-3 font-normal">Parameter</th>
              <th className="pr-3 font-normal">Low</th>
              <th className="pr-3 font-normal">High</th>
              <th className="pr-3 font-normal">Critical (high priority)</th>
              <th className="pr-3 font-normal">Reason for override</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {query.data.map((l) =>
              editing === l.code ? (
                <EditRow key={l.code} patientId={patientId} limit={l} onDone={() => setEditing(null)} />
              ) : (
                <tr key={l.code} className="border-b border-line/60" data-code={l.code}>
                  <td className="py-1 pr-3">{label(l.code)}</td>
                  <td className={`pr-3 tabular ${l.source.low === "patient" ? "text-accent" : ""}`}>
                    {describeLimit(l.low, l.source.low)}
                  </td>
                  <td className={`pr-3 tabular ${l.source.high === "patient" ? "text-accent" : ""}`}>
                    {describeLimit(l.high, l.source.high)}
                  </td>
                  <td className="pr-3 text-ink-muted tabular">
                    {[l.criticalLow !== null ? `< ${l.criticalLow}` : null, l.criticalHigh !== null ? `> ${l.criticalHigh}` : null]
                      .filter(Boolean)
                      .join(" · ") || "—"}
                  </td>
                  <td className="pr-3 text-ink-muted">{l.reason ?? ""}</td>
                  <td className="text-right">
                    {canEdit && (
                      <button
                        type="button"
                        className={button}
                        onClick={() => setEditing(l.code)}
                        aria-label={`Change ${label(l.code)} limits`}
                      >
                        Change
                      </button>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

function EditRow({ patientId, limit, onDone }: { patientId: string; limit: LimitView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [bounds, setBounds] = useState<Record<Bound, string>>(() => ({
    low: initialField(limit.low, limit.source.low),
    high: initialField(limit.high, limit.source.high),
  }));
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const save = (values: { low: number | null; high: number | null }) =>
    startTransition(async () => {
      const res = await setPatientLimitAction({ patientId, code: limit.code, ...values, reason });
      if (!res.ok) return setError(res.fieldErrors ? Object.values(res.fieldErrors).join("; ") : res.error);
      queryClient.setQueryData<LimitView[]>(queryKeys.alarmLimits(patientId), res.data);
      onDone();
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const l = parseLimitField(bounds.low);
    const h = parseLimitField(bounds.high);
    if (!l.ok || !h.ok) return setError(!l.ok ? `Low: ${l.error}` : !h.ok ? `High: ${h.error}` : null);
    if (l.value === null && h.value === null) return setError("Set a low limit, a high limit or both (or remove the override).");
    save({ low: l.value, high: h.value });
  };
  const formId = `limit-form-${limit.code}`;

  return (
    <tr className="border-b border-line/60 bg-panel-raised" data-code={limit.code}>
      <td className="py-2 pr-3 align-top">
        {label(limit.code)}
        <form id={formId} onSubmit={submit} />
      </td>
      {BOUNDS.map((b) => (
        <td key={b.key} className="pr-3 align-top">
          <Input
            form={formId}
            look="cell"
            width="w-20"
            value={bounds[b.key]}
            onChange={(e) => setBounds((v) => ({ ...v, [b.key]: e.target.value }))}
            placeholder={limit[b.key] === null ? "off" : String(limit[b.key])}
            aria-label={b.label}
            inputMode="decimal"
          />
        </td>
      ))}
      <td className="pr-3 align-top text-xs text-ink-muted">Blank inherits the ward or default limit.</td>
      <td className="pr-3 align-top">
        <Input
          form={formId}
          look="cell"
          width="w-20"
          className="w-full min-w-48"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Reason (required)"
          aria-label="Reason"
          required
          maxLength={500}
        />
        {error && (
          <p role="alert" className="mt-1 text-xs text-alarm-medium">
            {error}
          </p>
        )}
      </td>
      <td className="space-x-1 text-right align-top whitespace-nowrap">
        <button type="submit" form={formId} className={`${button} bg-accent text-canvas`} disabled={pending}>
          Save
        </button>
        {hasPatientOverride(limit) && (
          <button
            type="button"
            className={button}
            disabled={pending || !reason.trim()}
            onClick={() => save({ low: null, high: null })}
            title="Return to the ward or default limits (reason required)"
          >
            Remove override
          </button>
        )}
        <button type="button" className={button} onClick={onDone} disabled={pending}>
          Cancel
        </button>
      </td>
    </tr>
  );
}
