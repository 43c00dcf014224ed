-- Accounts: people, vendor members and operators. Emails are stored lower-cased.
CREATE TABLE account (
    id            UUID                     NOT NULL PRIMARY KEY,
    email         VARCHAR(320)             NOT NULL,
    display_name  VARCHAR(100)             NOT NULL,
    password_hash VARCHAR(500)             NOT NULL,
    kind          VARCHAR(20)              NOT NULL CHECK (kind IN ('PERSON', 'VENDOR_MEMBER', 'OPERATOR')),
    locale        VARCHAR(10)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_email_uk UNIQUE (email)
);

-- Personal access tokens: only a SHA-256 hash of the token is kept.
CREATE TABLE personal_access_token (
    id           UUID                     NOT NULL PRIMARY KEY,
    account_id   UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         VARCHAR(100)             NOT NULL,
    token_hash   VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT personal_access_token_hash_uk UNIQUE (token_hash)
);
CREATE INDEX IF NOT EXISTS personal_access_token_account_ix ON personal_access_token (account_id);

-- The one-time code that creates the first operator (hash only).
CREATE TABLE operator_setup (
    code_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);

-- Vendor organisations and the accounts that work for them.
CREATE TABLE vendor (
    id         UUID                     NOT NULL PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE vendor_member (
    account_id UUID                     NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    vendor_id  UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    role       VARCHAR(10)              NOT NULL CHECK (role IN ('ADMIN', 'AGENT')),
    joined_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS vendor_member_vendor_ix ON vendor_member (vendor_id);

CREATE TABLE vendor_invitation (
    id          UUID                     NOT NULL PRIMARY KEY,
    vendor_id   UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    email       VARCHAR(320)             NOT NULL,
    role        VARCHAR(10)              NOT NULL CHECK (role IN ('ADMIN', 'AGENT')),
    code_hash   VARCHAR(64)              NOT NULL,
    invited_by  UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT vendor_invitation_code_uk UNIQUE (code_hash)
);
CREATE INDEX IF NOT EXISTS vendor_invitation_vendor_ix ON vendor_invitation (vendor_id);

-- Spring Session (JDBC), from spring-session-jdbc's schema-postgresql.sql; principal_name is
-- widened to hold any e-mail address (320 characters).
CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(320),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS spring_session_ix1 ON spring_session (session_id);
CREATE INDEX IF NOT EXISTS spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX IF NOT EXISTS spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Passkeys (Spring Security WebAuthn), from spring-security-web's schema files; name (the
-- e-mail address) widened to 320 characters.
CREATE TABLE user_entities (
    id           VARCHAR(1000) NOT NULL,
    name         VARCHAR(320)  NOT NULL,
    display_name VARCHAR(200),
    PRIMARY KEY (id)
);

CREATE TABLE user_credentials (
    credential_id                VARCHAR(1000) NOT NULL,
    user_entity_user_id          VARCHAR(1000) NOT NULL,
    public_key                   BYTEA         NOT NULL,
    signature_count              BIGINT,
    uv_initialized               BOOLEAN,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000),
    public_key_credential_type   VARCHAR(100),
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           BYTEA,
    attestation_client_data_json BYTEA,
    created                      TIMESTAMP,
    last_used                    TIMESTAMP,
    label                        VARCHAR(1000) NOT NULL,
    PRIMARY KEY (credential_id)
);
CREATE INDEX IF NOT EXISTS user_credentials_user_ix ON user_credentials (user_entity_user_id);
