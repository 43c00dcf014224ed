-- The open market's exchanges (Beckn) beyond the search.
--
-- An intent that came from another hub (a Beckn search) has no person here: origin names the
-- participant (BAP) that sent it, and person_id is null. A vendor that answers from another hub
-- (a Beckn provider) has no members here: origin names its platform (BPP).
ALTER TABLE intent ALTER COLUMN person_id DROP NOT NULL;
ALTER TABLE intent ADD COLUMN origin VARCHAR(255);
ALTER TABLE vendor ADD COLUMN origin VARCHAR(255);

-- As a consumer platform: the vendors of other hubs (a provider on a provider platform), each
-- a vendor row here (with origin set and a random name key), so that their offers sit beside
-- local ones.
CREATE TABLE market_provider (
    bpp_id      VARCHAR(255) NOT NULL,
    provider_id VARCHAR(255) NOT NULL,
    vendor_id   UUID         NOT NULL UNIQUE REFERENCES vendor (id) ON DELETE CASCADE,
    PRIMARY KEY (bpp_id, provider_id)
);

-- As a provider platform: the searches this hub took in, one intent each, so that offers go back
-- to the right participant under the search's transaction and message ids.
CREATE TABLE market_intent (
    intent_id      UUID                     NOT NULL PRIMARY KEY REFERENCES intent (id) ON DELETE CASCADE,
    bap_id         VARCHAR(255)             NOT NULL,
    transaction_id VARCHAR(36)              NOT NULL,
    message_id     VARCHAR(36)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT market_intent_transaction_uk UNIQUE (bap_id, transaction_id)
);

-- As a consumer platform: where each offer from another hub came from (the provider's platform,
-- provider and item), and how far its award went (SELECTED, then INITIALIZED, CONFIRMED, or
-- REFUSED by the provider's platform).
CREATE TABLE market_offer (
    offer_id    UUID                     NOT NULL PRIMARY KEY REFERENCES offer (id) ON DELETE CASCADE,
    bpp_id      VARCHAR(255)             NOT NULL,
    provider_id VARCHAR(255)             NOT NULL,
    item_id     VARCHAR(255)             NOT NULL,
    state       VARCHAR(12)              NOT NULL,
    order_id    VARCHAR(255),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (state IN ('OFFERED', 'AWARDED', 'SELECTED', 'INITIALIZED', 'CONFIRMED', 'REFUSED'))
);

-- As a provider platform: an award that came over the network (select, init, confirm). The
-- customer's disclosed fields (init's billing and fulfillment customer) are sealed with the hub's
-- key; the vendor reads them under customer_ref once the order is confirmed.
CREATE TABLE market_order (
    id             VARCHAR(40)              NOT NULL PRIMARY KEY,
    intent_id      UUID                     NOT NULL REFERENCES intent (id) ON DELETE CASCADE,
    offer_id       UUID                     NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    vendor_id      UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    customer_ref   VARCHAR(40)              NOT NULL UNIQUE,
    customer       BYTEA,
    state          VARCHAR(12)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT market_order_offer_uk UNIQUE (offer_id),
    CHECK (state IN ('SELECTED', 'INITIALIZED', 'CONFIRMED'))
);

-- The replay guard keys a message by its body's digest too: a provider answers one search with
-- several on_search callbacks under the search's message id (Beckn's request/callback cycle), and
-- only a message received twice byte for byte is a replay.
CREATE TABLE market_arrival (
    sender_id      VARCHAR(255)             NOT NULL,
    action         VARCHAR(20)              NOT NULL,
    message_id     VARCHAR(36)              NOT NULL,
    digest         VARCHAR(64)              NOT NULL,
    transaction_id VARCHAR(36)              NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sender_id, action, message_id, digest)
);
INSERT INTO market_arrival (sender_id, action, message_id, digest, transaction_id, received_at)
SELECT sender_id, action, message_id, '', transaction_id, received_at FROM market_message;
DROP TABLE market_message;
CREATE INDEX IF NOT EXISTS market_arrival_received_ix ON market_arrival (received_at);

-- Messages of one exchange leave in order (select, then init, then confirm): a message with
-- after_id waits until that one left the queue (sent, refused or failed). A finished message's
-- body is emptied: init carries the person's disclosed fields, which have no business staying.
ALTER TABLE market_outbox ADD COLUMN after_id UUID;
