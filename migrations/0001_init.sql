-- AuthService initial schema. Forward-only: never edit this file once applied; add 0002_....sql.
-- Every timestamp is timestamptz (UTC on the wire). Enumerations are lower-case text with a CHECK.

CREATE TABLE plans (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    daily_quota integer CHECK (daily_quota IS NULL OR daily_quota >= 0) -- null: unlimited
);

INSERT INTO plans (code, name, daily_quota) VALUES
    ('anonym', 'Anonymous', 1),
    ('free', 'Free', 50),
    ('pro', 'Pro', 1000),
    ('enterprise', 'Enterprise', NULL);

CREATE TABLE services (
    code text PRIMARY KEY,
    name text NOT NULL
);

INSERT INTO services (code, name) VALUES
    ('api', 'Public API'),
    ('search', 'Search');

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    email          text,
    email_verified boolean NOT NULL DEFAULT false,
    phone          text,
    phone_verified boolean NOT NULL DEFAULT false,
    username       text,
    name           text,
    avatar_url     text,
    password_hash  text,
    roles          text[] NOT NULL DEFAULT '{user}',
    plan           text NOT NULL DEFAULT 'free' REFERENCES plans (code),
    status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled', 'deleted')),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    deleted_at     timestamptz,
    CONSTRAINT users_deleted_at_matches_status CHECK ((status = 'deleted') = (deleted_at IS NOT NULL))
);

-- Identifiers are unique among live accounts only, so a soft-deleted account frees them.
-- The repository maps these index names to the field names it reports as taken.
CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX users_phone_key ON users (phone) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX users_username_key ON users (lower(username)) WHERE deleted_at IS NULL;
CREATE INDEX users_created_at_idx ON users (created_at DESC);

CREATE TABLE sessions (
    id             uuid PRIMARY KEY,
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    auth_method    text NOT NULL,
    created_at     timestamptz NOT NULL,
    last_used_at   timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text,
    ip             text,
    user_agent     text,
    device_name    text
) WITH (fillfactor = 90);

-- Every refresh updates last_used_at and expires_at: neither is indexed and pages keep free
-- room, so those updates stay HOT (no index writes). The pruning job scans instead.
CREATE INDEX sessions_user_active_idx ON sessions (user_id) WHERE revoked_at IS NULL;

-- Only hashes of refresh tokens are stored. rotated_at IS NULL marks the session's current token.
CREATE TABLE refresh_tokens (
    token_hash text PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    rotated_at timestamptz
);

CREATE UNIQUE INDEX refresh_tokens_current_key ON refresh_tokens (session_id) WHERE rotated_at IS NULL;
CREATE INDEX refresh_tokens_session_id_idx ON refresh_tokens (session_id);
CREATE INDEX refresh_tokens_rotated_at_idx ON refresh_tokens (rotated_at) WHERE rotated_at IS NOT NULL;

CREATE TABLE otp_codes (
    id          uuid PRIMARY KEY,
    purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'verify_phone', 'login', 'password_reset')),
    destination text NOT NULL,
    user_id     uuid REFERENCES users (id) ON DELETE CASCADE,
    code_hash   text NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    consumed_at timestamptz
);

CREATE INDEX otp_codes_lookup_idx ON otp_codes (purpose, destination, created_at DESC);
CREATE INDEX otp_codes_expires_at_idx ON otp_codes (expires_at);

CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text NOT NULL,
    prefix       text NOT NULL,
    key_hash     text NOT NULL,
    scopes       text[] NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash)
);

CREATE INDEX api_keys_user_id_idx ON api_keys (user_id);

CREATE TABLE external_identities (
    id             uuid PRIMARY KEY,
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider       text NOT NULL,
    subject        text NOT NULL,
    email          text,
    email_verified boolean NOT NULL DEFAULT false,
    linked_at      timestamptz NOT NULL,
    -- A provider account belongs to at most one user...
    CONSTRAINT external_identities_provider_subject_key UNIQUE (provider, subject),
    -- ...and a user links at most one account per provider (unlinking is by provider).
    CONSTRAINT external_identities_user_provider_key UNIQUE (user_id, provider)
);

-- No foreign keys: the audit trail outlives what it talks about.
CREATE TABLE audit_events (
    id         uuid PRIMARY KEY,
    at         timestamptz NOT NULL,
    action     text NOT NULL,
    user_id    uuid,
    actor_id   uuid,
    ip         text,
    user_agent text,
    request_id text,
    data       jsonb
);

CREATE INDEX audit_events_user_at_idx ON audit_events (user_id, at DESC);
CREATE INDEX audit_events_action_at_idx ON audit_events (action, at DESC);
CREATE INDEX audit_events_at_idx ON audit_events (at DESC);
