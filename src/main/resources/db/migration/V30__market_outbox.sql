-- Beckn messages this hub sends (the open market's outbox): queued in the transaction of the
-- fact they tell, sent by the relay, and retried with back-off until the peer answers ACK
-- (SENT) or NACK (REFUSED), or until they are a day old (FAILED).
CREATE TABLE market_outbox (
    id              UUID                     NOT NULL PRIMARY KEY,
    peer_id         VARCHAR(255)             NOT NULL,
    action          VARCHAR(20)              NOT NULL,
    body            TEXT                     NOT NULL,
    state           VARCHAR(10)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INTEGER,
    last_problem    VARCHAR(300),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (state IN ('PENDING', 'SENT', 'REFUSED', 'FAILED'))
);
CREATE INDEX IF NOT EXISTS market_outbox_due_ix ON market_outbox (state, next_attempt_at);
