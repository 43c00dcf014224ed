-- Beckn messages this hub accepted from its peers (the open market): a message id is
-- accepted once per sender and action (the replay guard), and the rows give the operator's
-- traffic per peer. Kept for openvrm.market.retention, longer than any signature may live.
CREATE TABLE market_message (
    sender_id      VARCHAR(255)             NOT NULL,
    action         VARCHAR(20)              NOT NULL,
    message_id     VARCHAR(36)              NOT NULL,
    transaction_id VARCHAR(36)              NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sender_id, action, message_id)
);
CREATE INDEX IF NOT EXISTS market_message_received_ix ON market_message (received_at);
