-- Ratings: one per relationship, by a person who really dealt with the vendor, shown under a
-- pseudonym of the rating's own (random, nothing derived from the person or the relationship).
-- hidden: an operator upheld a report; a hidden rating counts nowhere and is shown nowhere public.
CREATE TABLE rating (
    id              UUID                     NOT NULL PRIMARY KEY,
    relationship_id UUID                     NOT NULL UNIQUE REFERENCES relationship (id) ON DELETE CASCADE,
    person_id       UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    vendor_id       UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    pseudonym       VARCHAR(40)              NOT NULL,
    stars           INTEGER                  NOT NULL CHECK (stars BETWEEN 1 AND 5),
    body            VARCHAR(500)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reply           VARCHAR(1000),
    replied_at      TIMESTAMP WITH TIME ZONE,
    hidden          BOOLEAN                  NOT NULL DEFAULT FALSE
);
CREATE INDEX IF NOT EXISTS rating_vendor_ix ON rating (vendor_id, hidden);
CREATE INDEX IF NOT EXISTS rating_person_ix ON rating (person_id);

-- A person's report that a rating is abusive (one per person and rating), and the operator's decision.
CREATE TABLE rating_report (
    id         UUID                     NOT NULL PRIMARY KEY,
    rating_id  UUID                     NOT NULL REFERENCES rating (id) ON DELETE CASCADE,
    person_id  UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    reason     VARCHAR(500)             NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    decision   VARCHAR(10),
    decided_at TIMESTAMP WITH TIME ZONE,
    UNIQUE (rating_id, person_id),
    CHECK (decision IN ('HIDDEN', 'KEPT'))
);
CREATE INDEX IF NOT EXISTS rating_report_open_ix ON rating_report (decided_at, at);

-- Introductions a person did not want (reported from the mailbox): one per person and reference,
-- so a repeated report of the same message counts once. Part of the vendor's "respect" figure.
CREATE TABLE unwanted_report (
    id        UUID                     NOT NULL PRIMARY KEY,
    vendor_id UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    person_id UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    reference VARCHAR(200)             NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (person_id, reference)
);
CREATE INDEX IF NOT EXISTS unwanted_report_vendor_ix ON unwanted_report (vendor_id);
