-- Second factor and passkeys (issue 11).

-- How each session was proven (RFC 8176 values: pwd, otp, fed, hwk, mfa); refreshing keeps it.
ALTER TABLE sessions ADD COLUMN amr text[] NOT NULL DEFAULT '{}';

-- One TOTP factor per user. The seed is AES-256-GCM ciphertext bound to the user id (never
-- stored in clear); confirmed_at IS NULL while enrolment waits for its first code.
-- last_used_step is the newest 30 s step accepted: a code is accepted only for a later step,
-- so a code cannot be replayed while it is still inside the ±1 step window.
CREATE TABLE totp_factors (
    user_id           uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_ciphertext text NOT NULL,
    created_at        timestamptz NOT NULL,
    confirmed_at      timestamptz,
    last_used_step    bigint NOT NULL DEFAULT 0
);

-- Recovery codes: only HMACs (bound to the user id), each single use.
CREATE TABLE recovery_codes (
    code_hash  text PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);

-- A sign-in waiting for its second factor: the mfa_token is stored only as an HMAC, works once,
-- for 5 minutes and 5 attempts, from the client that began it.
CREATE TABLE mfa_challenges (
    id          uuid PRIMARY KEY,
    token_hash  text NOT NULL UNIQUE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    auth_method text NOT NULL,
    amr         text[] NOT NULL,
    device_name text,
    ip          text,
    user_agent  text,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    consumed_at timestamptz
);
CREATE INDEX mfa_challenges_expires_idx ON mfa_challenges (expires_at);

-- WebAuthn credentials. The user handle given to authenticators is the user id's 16 bytes.
CREATE TABLE passkeys (
    id            uuid PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    credential_id bytea NOT NULL UNIQUE,
    public_key    bytea NOT NULL,
    sign_count    bigint NOT NULL CHECK (sign_count >= 0),
    name          text NOT NULL,
    transports    text[] NOT NULL DEFAULT '{}',
    aaguid        uuid,
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz
);
CREATE INDEX passkeys_user_idx ON passkeys (user_id);

-- WebAuthn challenges (registration, second factor, passwordless), single use: taken by one
-- DELETE ... RETURNING in the transaction that uses them. The options are public by design.
CREATE TABLE webauthn_challenges (
    challenge        text PRIMARY KEY,
    purpose          text NOT NULL CHECK (purpose IN ('register', 'mfa', 'passwordless')),
    user_id          uuid REFERENCES users (id) ON DELETE CASCADE,
    mfa_challenge_id uuid REFERENCES mfa_challenges (id) ON DELETE CASCADE,
    options          text NOT NULL,
    expires_at       timestamptz NOT NULL
);
CREATE INDEX webauthn_challenges_expires_idx ON webauthn_challenges (expires_at);
