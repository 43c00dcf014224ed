-- The mailbox: channels (one per relationship), messages, the person's rules of contact, declared
-- interests and the introductions vendors send through them.

-- How often each vendor may write and what: the person's terms of contact. No row: the defaults.
CREATE TABLE mailbox_rules (
    person_id   UUID                     NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    per_month   INT                      NOT NULL CHECK (per_month BETWEEN 0 AND 100),
    marketing   BOOLEAN                  NOT NULL,
    digest      BOOLEAN                  NOT NULL,
    digested_at TIMESTAMP WITH TIME ZONE,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A channel's own settings; no row: open, with the person's default rate.
CREATE TABLE mailbox_channel (
    relationship_id UUID                     NOT NULL PRIMARY KEY REFERENCES relationship (id) ON DELETE CASCADE,
    person_id       UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    closed_at       TIMESTAMP WITH TIME ZONE,
    per_month       INT CHECK (per_month BETWEEN 0 AND 100)
);

-- Messages both ways. A vendor's message arrives sealed to the person (HPKE) and is moved under the
-- vault key when the vault opens; the hub keeps no readable copy of it. A person's reply is kept
-- under the vault key and, as sent to the vendor, in vendor_copy.
CREATE TABLE mailbox_message (
    id              UUID                     NOT NULL PRIMARY KEY,
    person_id       UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    relationship_id UUID                     NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    vendor_id       UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    direction       VARCHAR(3)               NOT NULL CHECK (direction IN ('IN', 'OUT')),
    kind            VARCHAR(10)              NOT NULL CHECK (kind IN ('SERVICE', 'MARKETING')),
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sealed          BYTEA,
    content         BYTEA,
    vendor_copy     TEXT,
    read_at         TIMESTAMP WITH TIME ZONE,
    archived        BOOLEAN                  NOT NULL DEFAULT FALSE,
    CHECK (sealed IS NOT NULL OR content IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS mailbox_message_channel_ix ON mailbox_message (relationship_id, sent_at);
CREATE INDEX IF NOT EXISTS mailbox_message_person_ix ON mailbox_message (person_id, sent_at);

-- What a person declares they are looking for; readable by matching vendors under ref, never the person.
CREATE TABLE interest (
    id            UUID                     NOT NULL PRIMARY KEY,
    ref           VARCHAR(40)              NOT NULL UNIQUE,
    person_id     UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    category      VARCHAR(120)             NOT NULL,
    region        VARCHAR(12),
    budget_min    NUMERIC(14, 2),
    budget_max    NUMERIC(14, 2),
    currency      VARCHAR(3),
    description   VARCHAR(1000),
    introductions BOOLEAN                  NOT NULL,
    per_month     INT                      NOT NULL CHECK (per_month BETWEEN 0 AND 50),
    terms         VARCHAR(500)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS interest_person_ix ON interest (person_id);

-- One introduction per vendor and interest; the vendor's words are sealed to the person.
CREATE TABLE introduction (
    id              UUID                     NOT NULL PRIMARY KEY,
    interest_id     UUID                     NOT NULL REFERENCES interest (id) ON DELETE CASCADE,
    person_id       UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    vendor_id       UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    sealed          BYTEA                    NOT NULL,
    accepted_terms  VARCHAR(500)             NOT NULL,
    status          VARCHAR(10)              NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'IGNORED', 'REPORTED')),
    relationship_id UUID                     REFERENCES relationship (id) ON DELETE SET NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE,
    UNIQUE (interest_id, vendor_id)
);
CREATE INDEX IF NOT EXISTS introduction_vendor_ix ON introduction (vendor_id, sent_at);
CREATE INDEX IF NOT EXISTS introduction_person_ix ON introduction (person_id, sent_at);
