"use client";
// Shared queries of the patient page: the patient's alerts (kept live by "alert:raised" and
// "alert:updated" on the patient room, which the page joins), one alert's trail, and the alarm limits
// in force. Every component asking for the same data shares one cached query.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { retryUnlessRefused } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import { useSocketEvent } from "@/components/live/use-live-socket";
import type { AlertUpdate, AlertView } from "@/lib/events";
import { upsertAlert } from "./alarm-history-model";
import { fetchAlarmLimits, fetchAlertDetail, fetchPatientAlerts } from "./patient-api";

/** The patient's alerts in every state (refetched each minute, patched live in between). */
export function usePatientAlerts(patientId: string, enabled = true) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.patientAlerts(patientId),
    queryFn: ({ signal }) => fetchPatientAlerts(patientId, signal),
    refetchInterval: 60_000,
    retry: retryUnlessRefused,
    enabled,
  });
  const merge = (alert: AlertView) => {
    if (alert.patientId !== patientId) return;
    queryClient.setQueryData<AlertView[]>(queryKeys.patientAlerts(patientId), (old) => upsertAlert(old, alert));
    void queryClient.invalidateQueries({ queryKey: queryKeys.alertDetail(alert.id) });
  };
  useSocketEvent("alert:raised", (alert: AlertView) => merge(alert));
  useSocketEvent("alert:updated", (u: AlertUpdate) => merge(u.alert));
  return query;
}

/** One alert with its trail, fetched when asked for (an expanded history row). */
export function useAlertDetail(alertId: string) {
  return useQuery({
    queryKey: queryKeys.alertDetail(alertId),
    queryFn: ({ signal }) => fetchAlertDetail(alertId, signal),
    retry: retryUnlessRefused,
  });
}

/** Alarm limits in force for the patient (clinical roles only; refetched every 5 minutes). */
export function useAlarmLimits(patientId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.alarmLimits(patientId),
    queryFn: ({ signal }) => fetchAlarmLimits(patientId, signal),
    refetchInterval: 5 * 60_000,
    retry: retryUnlessRefused,
    enabled,
  });
}
