-- Trust (issue 11): PHI at rest. Names are stored encrypted in place (AES-256-GCM, "enc:v1:<key id>:…");
-- the exact birth date moves to birth_date_enc (encrypted) and birth_date keeps only the year (YYYY-01-01).

-- AlterTable
ALTER TABLE "patients" ADD COLUMN "birth_date_enc" TEXT;
