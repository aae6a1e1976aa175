-- Password sign-in lockout: consecutive failed password sign-ins, and until when the account
-- refuses password sign-in after too many of them (LOGIN__MAX_FAILED_ATTEMPTS, LOGIN__LOCKOUT_MINUTES).
ALTER TABLE users
    ADD COLUMN failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    ADD COLUMN locked_until  timestamptz;
