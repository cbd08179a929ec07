-- AI governance: prompt vault, settings, prices, budgets with usage and reservations, call log.

-- CreateTable
CREATE TABLE "ai_prompts" (
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "feature" TEXT,
    "patient_facing" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_prompts_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "ai_prompt_versions" (
    "id" TEXT NOT NULL,
    "prompt_name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "messages" JSONB NOT NULL,
    "variables" JSONB NOT NULL,
    "model" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "parameters" JSONB NOT NULL,
    "commit_message" TEXT NOT NULL,
    "author_id" TEXT,
    "author_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approved_by_id" TEXT,
    "approved_by_name" TEXT,
    "approved_at" TIMESTAMPTZ(3),

    CONSTRAINT "ai_prompt_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_prompt_labels" (
    "prompt_name" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "moved_by_id" TEXT,
    "moved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_prompt_labels_pkey" PRIMARY KEY ("prompt_name","label")
);

-- CreateTable
CREATE TABLE "ai_settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ai_prices" (
    "id" TEXT NOT NULL,
    "model_pattern" TEXT NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "input_nano_per_m" BIGINT NOT NULL,
    "cached_input_nano_per_m" BIGINT NOT NULL,
    "output_nano_per_m" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" TEXT,

    CONSTRAINT "ai_prices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_budgets" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "soft_nusd" BIGINT,
    "hard_nusd" BIGINT NOT NULL,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_budgets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_budget_usage" (
    "budget_id" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "spent_nusd" BIGINT NOT NULL DEFAULT 0,
    "reserved_nusd" BIGINT NOT NULL DEFAULT 0,
    "soft_notified_at" TIMESTAMPTZ(3),

    CONSTRAINT "ai_budget_usage_pkey" PRIMARY KEY ("budget_id","period_start")
);

-- CreateTable
CREATE TABLE "ai_calls" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "feature" TEXT NOT NULL,
    "prompt_name" TEXT,
    "prompt_version" INTEGER,
    "model" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "user_id" TEXT NOT NULL,
    "patient_id" TEXT,
    "subject" TEXT,
    "parameters" JSONB NOT NULL DEFAULT '[]',
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "cached_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "reserved_nusd" BIGINT NOT NULL DEFAULT 0,
    "cost_nusd" BIGINT NOT NULL DEFAULT 0,
    "latency_ms" INTEGER,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "redactions" JSONB NOT NULL DEFAULT '{}',
    "feedback" TEXT,
    "feedback_comment" TEXT,
    "feedback_at" TIMESTAMPTZ(3),
    "settled_at" TIMESTAMPTZ(3),
    "content" JSONB,
    "content_expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "ai_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_reservations" (
    "call_id" TEXT NOT NULL,
    "budget_id" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "amount_nusd" BIGINT NOT NULL,

    CONSTRAINT "ai_reservations_pkey" PRIMARY KEY ("call_id","budget_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ai_prompt_versions_prompt_name_version_key" ON "ai_prompt_versions"("prompt_name", "version");

-- CreateIndex
CREATE INDEX "ai_prices_model_pattern_effective_from_idx" ON "ai_prices"("model_pattern", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "ai_budgets_scope_period_key" ON "ai_budgets"("scope", "period");

-- CreateIndex
CREATE INDEX "ai_calls_at_idx" ON "ai_calls"("at");

-- CreateIndex
CREATE INDEX "ai_calls_status_idx" ON "ai_calls"("status");

-- CreateIndex
CREATE INDEX "ai_calls_prompt_name_prompt_version_at_idx" ON "ai_calls"("prompt_name", "prompt_version", "at");

-- CreateIndex
CREATE INDEX "ai_calls_user_id_at_idx" ON "ai_calls"("user_id", "at");

-- CreateIndex
CREATE INDEX "ai_calls_content_expires_at_idx" ON "ai_calls"("content_expires_at");

-- AddForeignKey
ALTER TABLE "ai_prompt_versions" ADD CONSTRAINT "ai_prompt_versions_prompt_name_fkey" FOREIGN KEY ("prompt_name") REFERENCES "ai_prompts"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_prompt_labels" ADD CONSTRAINT "ai_prompt_labels_prompt_name_fkey" FOREIGN KEY ("prompt_name") REFERENCES "ai_prompts"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_budget_usage" ADD CONSTRAINT "ai_budget_usage_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "ai_budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
