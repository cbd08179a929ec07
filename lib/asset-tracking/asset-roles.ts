// Who uses the asset map (client-safe): nurses (the floors of their wards), biomedical engineering and admins.
export const ASSET_ROLES = ["admin", "nurse", "biomed"] as const;
