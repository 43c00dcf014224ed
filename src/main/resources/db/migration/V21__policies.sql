-- Policies: the person's standing instructions, each a condition and an action (kind + rule as JSON).
CREATE TABLE policy (
    id         UUID                     NOT NULL PRIMARY KEY,
    person_id  UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind       VARCHAR(30)              NOT NULL,
    rule       TEXT                     NOT NULL,
    enabled    BOOLEAN                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS policy_person_ix ON policy (person_id, kind);

-- What a policy did, for the fire counts, the weekly summary and undo. The policy may be deleted
-- later; what it did stays in the person's history. Subjects are ids only.
CREATE TABLE policy_action (
    id         UUID                     NOT NULL PRIMARY KEY,
    policy_id  UUID REFERENCES policy (id) ON DELETE SET NULL,
    person_id  UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind       VARCHAR(30)              NOT NULL,
    outcome    VARCHAR(20)              NOT NULL,
    subject    VARCHAR(100)             NOT NULL,
    undo       TEXT,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    undone_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS policy_action_person_ix ON policy_action (person_id, at);
CREATE INDEX IF NOT EXISTS policy_action_policy_ix ON policy_action (policy_id);

-- The working set of the "ask the market" policy, kept while the person is away: a contract's
-- notice deadline and category, never its title, counterparty or cost.
CREATE TABLE policy_contract_watch (
    person_id       UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    contract_id     UUID                     NOT NULL,
    notice_deadline DATE                     NOT NULL,
    category        VARCHAR(120)             NOT NULL,
    PRIMARY KEY (person_id, contract_id)
);

-- Items of the decision list the person put aside ("keep as it is").
CREATE TABLE decision_dismissal (
    person_id UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    item      VARCHAR(100)             NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, item)
);

-- The welcome wizard (done or skipped) and the weekly summary e-mail.
CREATE TABLE policy_setup (
    person_id       UUID                     NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    done_at         TIMESTAMP WITH TIME ZONE,
    summary_mail    BOOLEAN                  NOT NULL,
    summary_sent_at TIMESTAMP WITH TIME ZONE
);

-- The service share: the fields the person lets policies disclose while they are away, copied out
-- of the vault under a key of their own (as a grant's share), revocable at once.
CREATE TABLE consent_service_share (
    person_id  UUID                     NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    items      TEXT                     NOT NULL,
    share_key  BYTEA                    NOT NULL,
    share      BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A shortlisted intent takes no new offers; the ones in stay open for the person to choose from.
ALTER TABLE intent ADD COLUMN offers_closed_at TIMESTAMP WITH TIME ZONE;
