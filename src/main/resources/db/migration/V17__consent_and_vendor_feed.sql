-- Grants: what a person shares with a vendor. The granted values are a copy, encrypted under the
-- grant's own share key; the share key is sealed under the hub's master key so that the vendor
-- can read while the person is away. Revoking sets share_key (and share) to NULL: crypto-shredding.
-- items names the fields and documents (never their values).
CREATE TABLE consent_grant (
    id                  UUID                     NOT NULL PRIMARY KEY,
    person_id           UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    relationship_id     UUID                     NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    vendor_id           UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    agreement_record_id UUID                     NOT NULL REFERENCES agreement_record (id) ON DELETE CASCADE,
    agreement_id        VARCHAR(40)              NOT NULL,
    purpose             VARCHAR(60)              NOT NULL,
    items               TEXT                     NOT NULL,
    share_key           BYTEA,
    share               BYTEA,
    valid_until         TIMESTAMP WITH TIME ZONE,
    request_id          UUID,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at            TIMESTAMP WITH TIME ZONE,
    end_reason          VARCHAR(30)
);
CREATE INDEX IF NOT EXISTS consent_grant_person_ix ON consent_grant (person_id, created_at);
CREATE INDEX IF NOT EXISTS consent_grant_relationship_ix ON consent_grant (relationship_id);

-- Shared documents: a copy of the file and its name under the grant's share key.
CREATE TABLE consent_shared_document (
    grant_id    UUID  NOT NULL REFERENCES consent_grant (id) ON DELETE CASCADE,
    document_id UUID  NOT NULL,
    metadata    BYTEA NOT NULL,
    content     BYTEA NOT NULL,
    PRIMARY KEY (grant_id, document_id)
);

-- Every read by a vendor of what a person shared.
CREATE TABLE consent_access (
    id         UUID                     NOT NULL PRIMARY KEY,
    person_id  UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    vendor_id  UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    grant_id   UUID                     NOT NULL REFERENCES consent_grant (id) ON DELETE CASCADE,
    actor      VARCHAR(100)             NOT NULL,
    items      TEXT                     NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS consent_access_person_ix ON consent_access (person_id, at);

-- A vendor asks for fields; the person decides.
CREATE TABLE consent_data_request (
    id                  UUID                     NOT NULL PRIMARY KEY,
    person_id           UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    relationship_id     UUID                     NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    vendor_id           UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    agreement_record_id UUID                     NOT NULL REFERENCES agreement_record (id) ON DELETE CASCADE,
    agreement_id        VARCHAR(40)              NOT NULL,
    fields              TEXT                     NOT NULL,
    purpose             VARCHAR(60)              NOT NULL,
    duration_days       INTEGER,
    reason              VARCHAR(500),
    requested_by        VARCHAR(100)             NOT NULL,
    state               VARCHAR(20)              NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at          TIMESTAMP WITH TIME ZONE,
    granted_fields      TEXT,
    grant_id            UUID,
    CHECK (state IN ('PENDING', 'APPROVED', 'PARTLY_APPROVED', 'DECLINED', 'EXPIRED'))
);
CREATE INDEX IF NOT EXISTS consent_data_request_person_ix ON consent_data_request (person_id, state);
CREATE INDEX IF NOT EXISTS consent_data_request_relationship_ix ON consent_data_request (relationship_id, created_at);

-- Signed consent receipts, one per grant, change and revocation; both sides keep them.
CREATE TABLE consent_receipt (
    id         UUID                     NOT NULL PRIMARY KEY,
    grant_id   UUID                     NOT NULL REFERENCES consent_grant (id) ON DELETE CASCADE,
    person_id  UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    vendor_id  UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    event      VARCHAR(20)              NOT NULL,
    signed     TEXT                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS consent_receipt_person_ix ON consent_receipt (person_id, created_at);
CREATE INDEX IF NOT EXISTS consent_receipt_vendor_ix ON consent_receipt (vendor_id, created_at);

-- Contacts refused at the door (a push from a blocked vendor, over the size limit, …): the
-- person's "kept out" log. The vendor is named; nothing of what it sent is kept.
CREATE TABLE refused_contact (
    id              UUID                     NOT NULL PRIMARY KEY,
    person_id       UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    vendor_id       UUID                     REFERENCES vendor (id) ON DELETE CASCADE,
    relationship_id UUID                     REFERENCES relationship (id) ON DELETE CASCADE,
    channel         VARCHAR(30)              NOT NULL,
    reason          VARCHAR(40)              NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS refused_contact_person_ix ON refused_contact (person_id, at);

-- The vendor's event feed (pull) and the webhook deliveries of each event (push), written in the
-- transaction that caused the event: a transactional outbox.
CREATE TABLE vendor_event (
    seq        BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    id         UUID                     NOT NULL UNIQUE,
    vendor_id  UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    type       VARCHAR(60)              NOT NULL,
    payload    TEXT                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS vendor_event_vendor_ix ON vendor_event (vendor_id, seq);

CREATE TABLE webhook_delivery (
    id              UUID                     NOT NULL PRIMARY KEY,
    event_id        UUID                     NOT NULL REFERENCES vendor_event (id) ON DELETE CASCADE,
    endpoint_id     UUID                     NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    state           VARCHAR(10)              NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INTEGER                  NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INTEGER,
    last_problem    VARCHAR(200),
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_delivery_due_ix ON webhook_delivery (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS webhook_delivery_endpoint_ix ON webhook_delivery (endpoint_id, created_at);
