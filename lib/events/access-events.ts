// Access events: a user's rights changed (account disabled, role or wards changed, a token revoked, signed
// out, a care team they are on gained or lost a patient or they joined or left it: lib/programs). Live connections re-check the caller at once and drop what is no longer allowed.
import * as s from "./wire-shape";

export const ACCESS_CHANGES = ["disabled", "role_changed", "wards_changed", "token_revoked", "signed_out", "care_team_changed"] as const;

/** `tokenId` names the one token revoked (`token_revoked`); `sessionId` the one session ended (`signed_out`). */
export const accessChangedEventSchema = s.object({
  userId: s.string(),
  change: s.oneOf(ACCESS_CHANGES),
  tokenId: s.optional(s.string()),
  sessionId: s.optional(s.string()),
});
export type AccessChangedEvent = s.Infer<typeof accessChangedEventSchema>;
