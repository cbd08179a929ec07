-- A reservation commits without waiting for its WAL flush (synchronous_commit off for its transaction
-- only). It held the budget usage rows locked through that flush, so concurrent AI calls queued on the
-- disk. Losing it is harmless: only a crash of the database server itself, within the WAL writer's delay
-- (200 ms), can lose a commit, and a reservation is released at the next start anyway; the call's
-- outcome (ai_settle_call) and its audit row stay durable commits.

CREATE OR REPLACE FUNCTION ai_reserve_call(
    p_id TEXT, p_at TIMESTAMPTZ, p_feature TEXT, p_prompt_name TEXT, p_prompt_version INTEGER, p_model TEXT,
    p_demo BOOLEAN, p_user_id TEXT, p_patient_id TEXT, p_subject TEXT, p_parameters JSONB, p_redactions JSONB,
    p_input_tokens INTEGER, p_amount_nusd BIGINT, p_scopes TEXT[],
    p_day_start TIMESTAMPTZ, p_day_reset TEXT, p_month_start TIMESTAMPTZ, p_month_reset TEXT)
RETURNS TABLE (blocked_scope TEXT, blocked_period TEXT, message TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    b RECORD;
    v_start TIMESTAMPTZ;
    v_used BIGINT;
    v_ids TEXT[] := '{}';
    v_starts TIMESTAMPTZ[] := '{}';
    v_message TEXT;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    FOR b IN SELECT id, scope, period, hard_nusd FROM ai_budgets WHERE scope = ANY(p_scopes) ORDER BY id LOOP
        v_start := CASE WHEN b.period = 'day' THEN p_day_start ELSE p_month_start END;
        INSERT INTO ai_budget_usage AS u (budget_id, period_start) VALUES (b.id, v_start)
            ON CONFLICT (budget_id, period_start) DO UPDATE SET budget_id = EXCLUDED.budget_id
            RETURNING u.spent_nusd + u.reserved_nusd INTO v_used;
        IF v_used + p_amount_nusd > b.hard_nusd THEN
            v_message := format('AI budget %s/%s exhausted until %s', b.scope, b.period,
                                CASE WHEN b.period = 'day' THEN p_day_reset ELSE p_month_reset END);
            INSERT INTO ai_calls (id, at, feature, prompt_name, prompt_version, model, demo, user_id, patient_id, subject,
                                  parameters, redactions, input_tokens, reserved_nusd, status, error, settled_at)
            VALUES (p_id, p_at, p_feature, p_prompt_name, p_prompt_version, p_model, p_demo, p_user_id, p_patient_id, p_subject,
                    p_parameters, p_redactions, p_input_tokens, 0, 'blocked_budget', v_message, p_at);
            blocked_scope := b.scope;
            blocked_period := b.period;
            message := v_message;
            RETURN NEXT;
            RETURN;
        END IF;
        v_ids := v_ids || b.id;
        v_starts := v_starts || v_start;
    END LOOP;
    UPDATE ai_budget_usage u SET reserved_nusd = u.reserved_nusd + p_amount_nusd
      FROM unnest(v_ids, v_starts) AS t(bid, pstart)
     WHERE u.budget_id = t.bid AND u.period_start = t.pstart;
    INSERT INTO ai_reservations (call_id, budget_id, period_start, amount_nusd)
    SELECT p_id, t.bid, t.pstart, p_amount_nusd FROM unnest(v_ids, v_starts) AS t(bid, pstart);
    INSERT INTO ai_calls (id, at, feature, prompt_name, prompt_version, model, demo, user_id, patient_id, subject,
                          parameters, redactions, input_tokens, reserved_nusd, status, error, settled_at)
    VALUES (p_id, p_at, p_feature, p_prompt_name, p_prompt_version, p_model, p_demo, p_user_id, p_patient_id, p_subject,
            p_parameters, p_redactions, p_input_tokens, p_amount_nusd, 'pending', NULL, NULL);
END
$$;
