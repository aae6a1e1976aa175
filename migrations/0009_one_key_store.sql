-- One key store (issue 13): service keys become api_keys rows of kind 'service'. A service key
-- still belongs to no user (user_id NULL, so disabling the admin who issued it does not cut a
-- service off), carries the one scope "introspect", and may be bound to one service. Rows move
-- with their id, prefix and key_hash unchanged, so every issued key keeps working.
ALTER TABLE api_keys
    ADD COLUMN kind       text NOT NULL DEFAULT 'user',
    ADD COLUMN service    text REFERENCES services (code),
    ADD COLUMN created_by uuid,
    ALTER COLUMN user_id DROP NOT NULL;

INSERT INTO api_keys (id, kind, user_id, name, service, prefix, key_hash, scopes, created_at, created_by, expires_at, revoked_at, last_used_at)
SELECT id, 'service', NULL, name, service, prefix, key_hash, '{introspect}', created_at, created_by, expires_at, revoked_at, last_used_at
FROM service_keys;

-- A user's key has its owner and no service; a service key has no owner.
ALTER TABLE api_keys
    ADD CONSTRAINT api_keys_kind_check CHECK (
        (kind = 'user' AND user_id IS NOT NULL AND service IS NULL)
        OR (kind = 'service' AND user_id IS NULL));

-- The admin list of service keys, without scanning every user's keys.
CREATE INDEX api_keys_service_keys_idx ON api_keys (created_at DESC) WHERE kind = 'service';

DROP TABLE service_keys;
