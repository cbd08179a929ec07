import { apiRoute } from "@/lib/http/api-route";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { listPrograms } from "@/lib/programs/programs";

export const dynamic = "force-dynamic";

/** GET → {programs: [{id, kind: "diabetes" | "hypertension" | "asthma_copd", name}]} (clinicians, admins). */
export const GET = apiRoute({ roles: CLINICAL_ROLES }, async () => ({ programs: await listPrograms() }));
