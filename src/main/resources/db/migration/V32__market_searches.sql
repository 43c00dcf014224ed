-- Intents this hub sent to the open market: the Beckn transaction each one is, so that
-- the answers (on_search) find their intent.
CREATE TABLE market_search (
    intent_id      UUID                     NOT NULL PRIMARY KEY REFERENCES intent (id) ON DELETE CASCADE,
    transaction_id VARCHAR(36)              NOT NULL UNIQUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
