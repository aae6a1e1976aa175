-- Every instance asks a few times a second for the sessions revoked in the last seconds and puts
-- them in the Redis revocation cache (RepublishRevocations), so a revocation reaches every instance
-- even when the one that made it crashed or lost Redis before publishing. Only revoked rows are indexed.
CREATE INDEX sessions_revoked_at_idx ON sessions (revoked_at) WHERE revoked_at IS NOT NULL;

-- Rotated refresh tokens now live as long as their session and go with it (ON DELETE CASCADE):
-- nothing deletes them by rotated_at any more.
DROP INDEX IF EXISTS refresh_tokens_rotated_at_idx;
