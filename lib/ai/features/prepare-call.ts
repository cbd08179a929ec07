// Everything before a model call that the preview shares with a real call: resolve the version's
// parameters for the subject (caller's scope; the queries), then compose what leaves (de-identify, render,
// final pass, count the input tokens; on a worker thread when there is one), and price the worst case.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { Refusal } from "@/lib/errors/refusal";
import type { Sql } from "@/lib/db/sql";
import { describeIssues } from "@/lib/ai/prompts/validate";
import { reservationFor } from "@/lib/ai/costs/cost";
import type { ModelPrice } from "@/lib/ai/costs/prices";
import type { ModelMessage } from "@/lib/ai/model/call-model";
import type { PseudonymMap, RedactionReceipt } from "@/lib/ai/deidentify/types";
import { resolveParameters, type ParameterReads } from "@/lib/ai/parameters/resolve-parameters";
import { composeOutboundOffThread } from "@/lib/ai/runtime/outbound-thread";
import type { LoadedSubject } from "@/lib/ai/parameters/subject";
import { priceFor } from "@/lib/ai/budgets/price-store";
import { effectiveModel, type ModelRuntime } from "@/lib/ai/runtime/model-runtime";
import type { StoredVersion } from "@/lib/ai/vault/stored-version";
import type { ParameterUse } from "@/lib/ai/service-types";

export type PreparedCall = {
  messages: ModelMessage[];
  uses: ParameterUse[];
  receipt: RedactionReceipt;
  pseudonyms: PseudonymMap;
  model: string;
  inputTokens: number;
  maxTokens: number;
  price: ModelPrice;
  reservationNusd: number;
};

/** Values the features give a version's declared variables (a variable without one fails to render). */
export function standardVariables(principal: Principal, feature: string): Record<string, unknown> {
  return { role: principal.role, feature };
}

export async function prepareCall(
  q: Pick<Sql, "query">,
  principal: Principal,
  version: StoredVersion,
  loaded: LoadedSubject,
  runtime: ModelRuntime,
  now: Date,
  feature: string,
  /** Parameter reads started beside the subject's load (readPatientParametersEarly), used once it is in scope. */
  early: Promise<ParameterReads> | null = null,
): Promise<PreparedCall> {
  const { parameters, uses, context } = await resolveParameters(q, principal, loaded, version.parameters, now, early);
  const model = effectiveModel(runtime, version.model);
  const [composed, price] = await Promise.all([
    composeOutboundOffThread({
      context,
      parameters,
      messages: version.messages,
      variables: version.variables,
      values: standardVariables(principal, feature),
      model,
    }),
    priceFor(model, now),
  ]);
  if (!composed.ok) {
    throw new Refusal(
      "unavailable",
      `prompt "${version.promptName}" version ${version.version} cannot be rendered: ${describeIssues(composed.issues)}`,
    );
  }
  const { messages, receipt, pseudonyms, inputTokens } = composed;
  const maxTokens = version.params.maxTokens;
  return {
    messages,
    uses,
    receipt,
    pseudonyms,
    model,
    inputTokens,
    maxTokens,
    price,
    reservationNusd: reservationFor(inputTokens, maxTokens, price),
  };
}
