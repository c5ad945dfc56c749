-- SPDX-License-Identifier: Apache-2.0
-- Schema v2: what scoring needs from the register, assessments with their answers, catalogs
-- edited by the province, and the Directive 25 targets.

ALTER TABLE admin_unit ADD COLUMN socio_region VARCHAR(40);
ALTER TABLE admin_unit ADD CONSTRAINT admin_unit_region_ck CHECK (socio_region IS NULL OR socio_region IN (
    'TRUNG_DU_MIEN_NUI_PHIA_BAC', 'DONG_BANG_SONG_HONG', 'BAC_TRUNG_BO', 'DUYEN_HAI_NAM_TRUNG_BO',
    'TAY_NGUYEN', 'DONG_NAM_BO', 'DONG_BANG_SONG_CUU_LONG'));
ALTER TABLE station ADD COLUMN family_doctor_model BOOLEAN DEFAULT FALSE NOT NULL;

-- A catalog document as the province sent or edited it; shipped catalogs are read from the program.
CREATE TABLE catalog_document (
    id          UUID PRIMARY KEY,
    site_id     UUID NOT NULL REFERENCES site (id),
    catalog_id  VARCHAR(40) NOT NULL,
    revision    INT NOT NULL,
    document    CLOB NOT NULL,
    version     VARCHAR(80) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted     BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT catalog_document_uk UNIQUE (catalog_id, revision)
);

-- An assessment of a commune for a period (a year) against a catalog.
CREATE TABLE assessment (
    id               UUID PRIMARY KEY,
    site_id          UUID NOT NULL REFERENCES site (id),
    unit_id          UUID NOT NULL REFERENCES admin_unit (id),
    period           INT NOT NULL,
    catalog_id       VARCHAR(40) NOT NULL,
    state            VARCHAR(20) NOT NULL,
    decision_number  VARCHAR(100),
    decision_date    DATE,
    version          VARCHAR(80) NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted          BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT assessment_uk UNIQUE (unit_id, period, catalog_id),
    CONSTRAINT assessment_state_ck CHECK (state IN ('DRAFT', 'SUBMITTED', 'REVIEWED', 'RECOGNISED')),
    CONSTRAINT assessment_period_ck CHECK (period BETWEEN 2000 AND 2100),
    CONSTRAINT assessment_recognised_ck CHECK (state <> 'RECOGNISED' OR (decision_number IS NOT NULL AND decision_date IS NOT NULL))
);
CREATE INDEX assessment_unit_ix ON assessment (unit_id);

-- One entered answer: the value as JSON text (true, 18.5, ["a","b"]), or not applicable.
CREATE TABLE assessment_answer (
    id              UUID PRIMARY KEY,
    site_id         UUID NOT NULL REFERENCES site (id),
    assessment_id   UUID NOT NULL REFERENCES assessment (id),
    indicator_code  VARCHAR(40) NOT NULL,
    answer_value    VARCHAR(2000),
    not_applicable  BOOLEAN DEFAULT FALSE NOT NULL,
    note            VARCHAR(2000),
    evidence        VARCHAR(500),
    version         VARCHAR(80) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted         BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT assessment_answer_uk UNIQUE (assessment_id, indicator_code)
);

-- Directive 25 targets, editable by the province.
CREATE TABLE target (
    id            UUID PRIMARY KEY,
    site_id       UUID NOT NULL REFERENCES site (id),
    code          VARCHAR(40) NOT NULL,
    name_vi       VARCHAR(400) NOT NULL,
    name_en       VARCHAR(400),
    measure       VARCHAR(40) NOT NULL,
    comparison    VARCHAR(4) NOT NULL,
    target_value  DECIMAL(7, 2) NOT NULL,
    due_year      INT NOT NULL,
    version       VARCHAR(80) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted       BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT target_uk UNIQUE (code),
    CONSTRAINT target_comparison_ck CHECK (comparison IN ('GT', 'GE')),
    CONSTRAINT target_value_ck CHECK (target_value BETWEEN 0 AND 100)
);
