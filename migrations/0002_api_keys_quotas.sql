-- API keys are found by their public prefix (the 8 characters after "ask_"), then verified by HMAC.
-- Not unique: prefixes are random and a collision only costs one more HMAC comparison.
CREATE INDEX api_keys_prefix_idx ON api_keys (prefix);
