-- Durable outbox: everything that leaves the process because of a change (e-mail, SMS, webhook
-- deliveries) is a row written in that change's transaction and sent afterwards, at least once,
-- by a dispatcher in every instance (rows are claimed with FOR UPDATE SKIP LOCKED).
CREATE TABLE webhook_endpoints (
    id          uuid PRIMARY KEY,
    name        text UNIQUE,             -- set for endpoints from configuration (WEBHOOKS__ENDPOINTS__<NAME>__*)
    url         text NOT NULL,
    secret      text NOT NULL,           -- AES-256-GCM ciphertext of the whsec_ secret (owner: the endpoint id)
    events      text[] NOT NULL,         -- event types, or {*}
    description text,
    created_at  timestamptz NOT NULL,
    deleted_at  timestamptz
);

CREATE TABLE outbox_messages (
    id               uuid PRIMARY KEY,
    channel          text NOT NULL CHECK (channel IN ('email', 'sms', 'webhook')),
    recipient        text NOT NULL,      -- e-mail address, E.164 number, or the webhook URL at the time
    subject          text,
    -- e-mail/SMS: AES-256-GCM ciphertext of the text (owner: this row's id), as it carries a code;
    -- webhook: the event's JSON (never a secret). NULL once sent.
    body             text,
    endpoint_id      uuid REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         uuid,
    event_type       text,
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- When a pending row is due; a claim moves it a lease ahead, so a dispatcher that dies
    -- mid-send leaves the row to be claimed again once the lease is over.
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    last_status_code integer,
    created_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    CHECK ((channel = 'webhook') = (endpoint_id IS NOT NULL AND event_id IS NOT NULL))
);

CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_messages_finished_idx ON outbox_messages (finished_at) WHERE status <> 'pending';
CREATE INDEX outbox_messages_endpoint_idx ON outbox_messages (endpoint_id, created_at DESC) WHERE endpoint_id IS NOT NULL;
