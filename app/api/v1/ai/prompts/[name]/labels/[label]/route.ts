import { apiRoute } from "@/lib/http/api-route";
import { Refusal } from "@/lib/errors/refusal";
import { moveLabel, MOVABLE_LABELS, type MovableLabel } from "@/lib/ai/service";
import { labelBody, labelParams } from "@/lib/ai/http-schemas";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(
  { roles: ["admin"], params: labelParams, body: labelBody, fieldsIn: "body" },
  async ({ principal, meta, params, body }) => {
    if (!(MOVABLE_LABELS as readonly string[]).includes(params.label)) {
      throw new Refusal("invalid", `label must be one of: ${MOVABLE_LABELS.join(", ")} ("latest" follows the newest version)`);
    }
    return moveLabel({ principal, meta }, params.name, params.label as MovableLabel, body.version);
  },
);
