// GET /api/v1/flow?wardId=&from=&to= → the flow report (census now, movements and waits in the period,
// default today; where patients wait now; the 30-day trend). Admins: any ward or all; clinicians: their wards.
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { FLOW_ROLES, flowWardScope, periodOf } from "@/lib/patient-flow/flow-scope";
import { buildFlowReport } from "@/lib/patient-flow/flow-report";

export const dynamic = "force-dynamic";

const query = z.object({ wardId: z.string().min(1).optional(), from: z.string().optional(), to: z.string().optional() }).strict();

export const GET = apiRoute({ roles: FLOW_ROLES, query }, async ({ principal, query: q }) => {
  const wardIds = flowWardScope(principal, q.wardId);
  const now = new Date();
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const period = q.from || q.to ? periodOf(q, 1, now) : { from: today, to: now };
  return buildFlowReport({ wardIds, ...period, now });
});
