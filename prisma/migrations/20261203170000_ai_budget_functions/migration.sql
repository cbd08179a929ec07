-- Reserve and settle an AI call's budgets in ONE statement each. Before, each was a client-side
-- transaction of several round trips, and the budget usage rows stayed locked across all of them, so
-- concurrent calls queued behind each other's network and event-loop waits. Inside a function the rows
-- are locked (in budget-id order, always) only while the function runs.

-- Reserve: lock and check every applicable budget's usage row for its current period, then either charge
-- them all with the call's worst case and log the call "pending", or charge none and log it
-- "blocked_budget". Returns no row when reserved, else the first budget that does not fit.
CREATE FUNCTION ai_reserve_call(
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

-- Settle: record the call's outcome (only while it is still pending; NULL keeps a column as it is), take
-- its reservations back from each budget and add its real cost (rows locked in budget-id order, like the
-- reservation), and mark the budgets whose soft threshold is now reached and were not yet marked for the
-- period: those rows are returned, so admins are told exactly once per period.
CREATE FUNCTION ai_settle_call(
    p_id TEXT, p_status TEXT, p_model TEXT, p_input_tokens INTEGER, p_cached_tokens INTEGER, p_output_tokens INTEGER,
    p_cost_nusd BIGINT, p_latency_ms INTEGER, p_error TEXT, p_content JSONB, p_content_expires_at TIMESTAMPTZ,
    p_now TIMESTAMPTZ)
RETURNS TABLE (budget_id TEXT, period_start TIMESTAMPTZ, spent_nusd BIGINT, soft_nusd BIGINT, hard_nusd BIGINT,
               scope TEXT, period TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    v_bids TEXT[];
    v_starts TIMESTAMPTZ[];
    v_amounts BIGINT[];
    u RECORD;
    v_crossed BOOLEAN;
BEGIN
    UPDATE ai_calls c
       SET status = p_status, model = COALESCE(p_model, c.model), input_tokens = COALESCE(p_input_tokens, c.input_tokens),
           cached_tokens = COALESCE(p_cached_tokens, c.cached_tokens), output_tokens = COALESCE(p_output_tokens, c.output_tokens),
           cost_nusd = p_cost_nusd, latency_ms = p_latency_ms, error = p_error, content = p_content,
           content_expires_at = p_content_expires_at, settled_at = p_now
     WHERE c.id = p_id AND c.status = 'pending';
    WITH held AS (DELETE FROM ai_reservations r WHERE r.call_id = p_id RETURNING r.budget_id, r.period_start, r.amount_nusd)
    SELECT array_agg(held.budget_id ORDER BY held.budget_id), array_agg(held.period_start ORDER BY held.budget_id),
           array_agg(held.amount_nusd ORDER BY held.budget_id)
      INTO v_bids, v_starts, v_amounts FROM held;
    IF v_bids IS NULL THEN
        RETURN;
    END IF;
    FOR i IN 1 .. array_length(v_bids, 1) LOOP
        SELECT x.spent_nusd, x.soft_notified_at, bg.soft_nusd AS soft, bg.hard_nusd AS hard, bg.scope AS bscope, bg.period AS bperiod
          INTO u
          FROM ai_budget_usage x JOIN ai_budgets bg ON bg.id = x.budget_id
         WHERE x.budget_id = v_bids[i] AND x.period_start = v_starts[i]
           FOR UPDATE OF x;
        IF NOT FOUND THEN
            CONTINUE;
        END IF;
        v_crossed := u.soft_notified_at IS NULL AND u.soft IS NOT NULL AND u.spent_nusd + p_cost_nusd >= u.soft;
        UPDATE ai_budget_usage x
           SET reserved_nusd = GREATEST(0, x.reserved_nusd - v_amounts[i]), spent_nusd = x.spent_nusd + p_cost_nusd,
               soft_notified_at = CASE WHEN v_crossed THEN p_now ELSE x.soft_notified_at END
         WHERE x.budget_id = v_bids[i] AND x.period_start = v_starts[i];
        IF v_crossed THEN
            budget_id := v_bids[i];
            period_start := v_starts[i];
            spent_nusd := u.spent_nusd + p_cost_nusd;
            soft_nusd := u.soft;
            hard_nusd := u.hard;
            scope := u.bscope;
            period := u.bperiod;
            RETURN NEXT;
        END IF;
    END LOOP;
END
$$;
