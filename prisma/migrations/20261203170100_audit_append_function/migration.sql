-- Append audit rows to the hash chain in ONE statement. Before, the append was a client-side transaction
-- (lock, read the last hash, insert, commit) and the chain's advisory lock stayed held across its round
-- trips, so every audited read in the app queued behind the slowest of them. The hash is the same as
-- lib/audit/audit-chain.ts computes and verifies: SHA-256 over prev_hash, "\n" and the row's canonical
-- JSON, which the caller sends beside the row.
CREATE FUNCTION audit_append(
    p_lock_key BIGINT, p_genesis TEXT, p_at TIMESTAMPTZ[], p_actor_user_id TEXT[], p_actor_email TEXT[], p_actor_role TEXT[],
    p_action TEXT[], p_patient_id TEXT[], p_detail JSONB[], p_ip TEXT[], p_user_agent TEXT[], p_canonical TEXT[])
RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    v_prev TEXT;
    v_prevs TEXT[] := '{}';
    v_hashes TEXT[] := '{}';
BEGIN
    PERFORM pg_advisory_xact_lock(p_lock_key);
    SELECT e.hash INTO v_prev FROM audit_events e WHERE e.hash IS NOT NULL ORDER BY e.id DESC LIMIT 1;
    v_prev := COALESCE(v_prev, p_genesis);
    FOR i IN 1 .. COALESCE(array_length(p_canonical, 1), 0) LOOP
        v_prevs := v_prevs || v_prev;
        v_prev := encode(sha256(convert_to(v_prev || E'\n' || p_canonical[i], 'UTF8')), 'hex');
        v_hashes := v_hashes || v_prev;
    END LOOP;
    INSERT INTO audit_events (at, actor_user_id, actor_email, actor_role, action, patient_id, detail, ip, user_agent, prev_hash, hash)
    SELECT r.at, r.actor_user_id, r.actor_email, r.actor_role, r.action, r.patient_id, r.detail, r.ip, r.user_agent, r.prev_hash, r.hash
      FROM unnest(p_at, p_actor_user_id, p_actor_email, p_actor_role, p_action, p_patient_id, p_detail, p_ip, p_user_agent, v_prevs, v_hashes)
           WITH ORDINALITY AS r(at, actor_user_id, actor_email, actor_role, action, patient_id, detail, ip, user_agent, prev_hash, hash, n)
     ORDER BY r.n;
END
$$;
