import { apiRoute } from "@/lib/http/api-route";
import { createPromptVersion, type CreateVersionInput } from "@/lib/ai/service";
import { createVersionBody, promptNameParams } from "@/lib/ai/http-schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { roles: ["admin"], params: promptNameParams, body: createVersionBody, fieldsIn: "body" },
  async ({ principal, meta, params, body }) =>
    // The vault validates the whole body and names each field at fault (400).
    Response.json(await createPromptVersion({ principal, meta }, params.name, body as unknown as CreateVersionInput), { status: 201 }),
);
