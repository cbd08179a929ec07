-- Trust (issue 11): rows a batched writer could not store (quarantined instead of blocking the rows
-- behind them), and the audit log's hash chain.

-- CreateTable
CREATE TABLE "poison_rows" (
    "id" BIGSERIAL NOT NULL,
    "writer" TEXT NOT NULL,
    "row" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "poison_rows_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "poison_rows_created_at_idx" ON "poison_rows"("created_at");

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" TEXT,
ADD COLUMN "hash" TEXT;
