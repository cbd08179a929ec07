import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { endProgramEnrolment } from "@/lib/programs/enrolment-service";

export const dynamic = "force-dynamic";

/** POST → {enrolment} with endedAt: ends the enrolment (kept on record); same as DELETE .../{eid}. */
export const POST = apiRoute(
  { roles: CLINICAL_ROLES, params: z.object({ id: z.string().min(1), eid: z.string().min(1) }) },
  async ({ principal, params, meta }) => ({ enrolment: await endProgramEnrolment(principal, params.id, params.eid, meta) }),
);
