-- Bed turnarounds: a bed vacated by a discharge or a transfer waits to be cleaned until cleaned_at.
CREATE TABLE "bed_cleanings" (
    "id" TEXT NOT NULL,
    "bed_id" TEXT NOT NULL,
    "ward_id" TEXT NOT NULL,
    "vacated_at" TIMESTAMPTZ(3) NOT NULL,
    "cleaned_at" TIMESTAMPTZ(3),
    "cleaned_by" TEXT,

    CONSTRAINT "bed_cleanings_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "bed_cleanings_bed_id_cleaned_at_idx" ON "bed_cleanings"("bed_id", "cleaned_at");

CREATE INDEX "bed_cleanings_vacated_at_idx" ON "bed_cleanings"("vacated_at");

ALTER TABLE "bed_cleanings" ADD CONSTRAINT "bed_cleanings_bed_id_fkey" FOREIGN KEY ("bed_id") REFERENCES "beds"("id") ON DELETE CASCADE ON UPDATE CASCADE;
