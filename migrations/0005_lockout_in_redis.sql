-- Password sign-in lockout moved to Redis, per identifier (LOGIN__MAX_FAILED_ATTEMPTS,
-- LOGIN__FAILURE_WINDOW_MINUTES, LOGIN__LOCKOUT_MINUTES): an identifier nobody has must cost no
-- row, and a lock must not tell whether an account exists. The per-account columns of 0003 go.
ALTER TABLE users
    DROP COLUMN failed_logins,
    DROP COLUMN locked_until;
