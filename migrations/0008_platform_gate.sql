-- The platform's gate (issue 15): service keys for introspection, the service catalogue, an
-- append-only audit log with its retention function, invitations, and run-time system settings.

-- Service keys: credentials of downstream services, issued by admins, scope "introspect" only.
-- Not api_keys rows: they belong to no user (disabling the issuing admin must not cut a service
-- off). Only the HMAC of a key is stored; the prefix finds the row.
CREATE TABLE service_keys (
    id           uuid PRIMARY KEY,
    name         text NOT NULL,
    service      text REFERENCES services (code),
    prefix       text NOT NULL,
    key_hash     text NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   uuid,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    CONSTRAINT service_keys_key_hash_key UNIQUE (key_hash)
);

CREATE INDEX service_keys_prefix_idx ON service_keys (prefix);

-- The platform's services replace the two placeholders (quota counters live in Redis only,
-- so nothing in the database refers to the old codes).
DELETE FROM services WHERE code IN ('api', 'search');
INSERT INTO services (code, name) VALUES
    ('3dbinpacking', '3D Bin Packing'),
    ('cvmaker', 'CV Maker'),
    ('jobportal', 'Job Portal'),
    ('media_information', 'Media Information'),
    ('pdf_tools', 'PDF Tools'),
    ('image_processing', 'Image Processing'),
    ('ocr', 'Text Recognition (OCR)'),
    ('translation', 'Translation'),
    ('speech_to_text', 'Speech to Text'),
    ('url_shortener', 'URL Shortener')
ON CONFLICT (code) DO NOTHING;

-- The audit log is append-only at the database: UPDATE, DELETE and TRUNCATE are refused, except
-- the DELETE that audit_events_prune (the retention job's function) makes of rows older than
-- the cut-off it was given. The function marks its own transaction (a local setting) with that
-- cut-off, and the trigger lets through only rows older than it.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    cutoff text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        cutoff := coalesce(current_setting('authservice.audit_prune_before', true), '');
        IF cutoff <> '' AND OLD.at < cutoff::timestamptz THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

CREATE FUNCTION audit_events_prune(older_than timestamptz) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    deleted bigint;
BEGIN
    PERFORM set_config('authservice.audit_prune_before', older_than::text, true);
    DELETE FROM audit_events WHERE at < older_than;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM set_config('authservice.audit_prune_before', '', true);
    RETURN deleted;
END;
$$;

-- Invitations for AUTH__REGISTRATION=invite_only: the token is shown once and stored as an HMAC;
-- email, when set, is the only address the invitation registers. Used once (used_at).
CREATE TABLE invites (
    id         uuid PRIMARY KEY,
    token_hash text NOT NULL,
    email      text,
    created_at timestamptz NOT NULL,
    created_by uuid,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    used_by    uuid,
    revoked_at timestamptz,
    CONSTRAINT invites_token_hash_key UNIQUE (token_hash)
);

CREATE INDEX invites_created_at_idx ON invites (created_at DESC);

-- Settings changed at run time through the admin API (a fixed list of known keys, each
-- validated by the service). A row here wins over the environment, which wins over the default.
CREATE TABLE system_config (
    key        text PRIMARY KEY,
    value      jsonb NOT NULL,
    category   text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by uuid
);
