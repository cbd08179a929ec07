-- A reservation writes each budget's usage row once: one UPDATE per budget checks the hard limit and
-- charges the call in the same statement (it waits on the row lock and re-checks the newest version, as
-- the upsert's lock did), where before a no-op upsert locked the row and a second UPDATE charged it. The
-- usage rows every call touches (global, feature, user) get one new row version per reservation instead of
-- two. A period's first call inserts its row first. When a budget does not fit, what the earlier budgets
-- were charged is taken back in the same transaction, and the call is logged blocked_budget as before.

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
    v_ids TEXT[] := '{}';
    v_starts TIMESTAMPTZ[] := '{}';
    v_message TEXT;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    FOR b IN SELECT id, scope, period, hard_nusd FROM ai_budgets WHERE scope = ANY(p_scopes) ORDER BY id LOOP
        v_start := CASE WHEN b.period = 'day' THEN p_day_start ELSE p_month_start END;
        UPDATE ai_budget_usage u SET reserved_nusd = u.reserved_nusd + p_amount_nusd
         WHERE u.budget_id = b.id AND u.period_start = v_start
           AND u.spent_nusd + u.reserved_nusd + p_amount_nusd <= b.hard_nusd;
        IF NOT FOUND THEN
            -- No row yet for this period (or it does not fit): make sure the row exists, then try once more.
            INSERT INTO ai_budget_usage (budget_id, period_start) VALUES (b.id, v_start)
                ON CONFLICT (budget_id, period_start) DO NOTHING;
            UPDATE ai_budget_usage u SET reserved_nusd = u.reserved_nusd + p_amount_nusd
             WHERE u.budget_id = b.id AND u.period_start = v_start
               AND u.spent_nusd + u.reserved_nusd + p_amount_nusd <= b.hard_nusd;
        END IF;
        IF NOT FOUND THEN
            UPDATE ai_budget_usage u SET reserved_nusd = u.reserved_nusd - p_amount_nusd
              FROM unnest(v_ids, v_starts) AS t(bid, pstart)
             WHERE u.budget_id = t.bid AND u.period_start = t.pstart;
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
    INSERT INTO ai_reservations (call_id, budget_id, period_start, amount_nusd)
    SELECT p_id, t.bid, t.pstart, p_amount_nusd FROM unnest(v_ids, v_starts) AS t(bid, pstart);
    INSERT INTO ai_calls (id, at, feature, prompt_name, prompt_version, model, demo, user_id, patient_id, subject,
                          parameters, redactions, input_tokens, reserved_nusd, status, error, settled_at)
    VALUES (p_id, p_at, p_feature, p_prompt_name, p_prompt_version, p_model, p_demo, p_user_id, p_patient_id, p_subject,
            p_parameters, p_redactions, p_input_tokens, p_amount_nusd, 'pending', NULL, NULL);
END
$$;
