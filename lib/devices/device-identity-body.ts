// The request body that sets a device's identity (API PATCH, server actions), checked with zod against the
// rules of device-identity-rules.ts: each field trimmed, bounded and free of control characters, the UDI
// in an issuing agency's form.
import { z } from "zod";
import { MODEL_MAX, SERIAL_MAX, UDI_MAX, udiProblem } from "./device-identity-rules";

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text, or null to clear it` })
    .trim()
    .max(max, `is longer than ${max} characters`)
    .refine((v) => !/[\p{Cc}]/u.test(v), "may not contain control characters")
    .transform((v) => v || null)
    .nullable()
    .optional();

/** Request body that sets identity fields (API PATCH, server actions): any of the three; null or "" clears. */
export const deviceIdentityBodySchema = z
  .object({
    model: text("model", MODEL_MAX),
    serialNumber: text("serialNumber", SERIAL_MAX),
    udi: text("udi", UDI_MAX).superRefine((v, ctx) => {
      const problem = v ? udiProblem(v) : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  })
  .strict()
  .refine((b) => b.model !== undefined || b.serialNumber !== undefined || b.udi !== undefined, {
    message: "give at least one of model, serialNumber or udi",
  });
export type DeviceIdentityPatch = z.infer<typeof deviceIdentityBodySchema>;

export const IDENTITY_FIELDS = ["model", "serialNumber", "udi"] as const;
