-- Real mail (issue 27): what came attached to a message, sealed to the person as it arrived (HPKE,
-- bound to the attachment's own id), until the person's vault is open and files it among their
-- documents (an e-invoice also as an invoice). A row leaves once filed: the vault then holds the file.
CREATE TABLE mail_attachment (
    id          UUID                     NOT NULL PRIMARY KEY,
    message_id  UUID                     NOT NULL REFERENCES mailbox_message (id) ON DELETE CASCADE,
    person_id   UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    position    INTEGER                  NOT NULL,
    sealed      BYTEA                    NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS mail_attachment_person_ix ON mail_attachment (person_id);
CREATE INDEX IF NOT EXISTS mail_attachment_message_ix ON mail_attachment (message_id);
