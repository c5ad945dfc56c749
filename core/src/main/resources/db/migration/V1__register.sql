-- SPDX-License-Identifier: Apache-2.0
-- Schema v1: the register. Every synced row carries a UUID, its owning site, a version
-- (hybrid logical clock, sortable text), the time of its last change and a tombstone flag.

CREATE TABLE site (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    is_local    BOOLEAN      DEFAULT FALSE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT site_role_ck CHECK (role IN ('DISTRICT', 'REGIONAL_CENTRE', 'PROVINCE'))
);

CREATE TABLE app_meta (
    meta_key    VARCHAR(100) PRIMARY KEY,
    meta_value  VARCHAR(4000) NOT NULL
);

-- Administrative units with history: a unit is valid from valid_from up to (excluding) valid_to.
CREATE TABLE admin_unit (
    id            UUID PRIMARY KEY,
    site_id       UUID NOT NULL REFERENCES site (id),
    code          VARCHAR(10)  NOT NULL,
    code_official BOOLEAN      DEFAULT TRUE NOT NULL,
    name          VARCHAR(200) NOT NULL,
    unit_level    VARCHAR(20)  NOT NULL,
    unit_type     VARCHAR(20)  NOT NULL,
    parent_id     UUID REFERENCES admin_unit (id),
    valid_from    DATE NOT NULL,
    valid_to      DATE,
    vung          INT,
    demo          BOOLEAN DEFAULT FALSE NOT NULL,
    note          VARCHAR(400),
    version       VARCHAR(80) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted       BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT admin_unit_level_ck CHECK (unit_level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    CONSTRAINT admin_unit_type_ck CHECK (unit_type IN ('TINH', 'THANH_PHO_TW', 'THANH_PHO', 'THI_XA', 'HUYEN',
                                                       'KHU_VUC_YTE', 'XA', 'PHUONG', 'THI_TRAN', 'DAC_KHU')),
    CONSTRAINT admin_unit_vung_ck CHECK (vung IS NULL OR vung BETWEEN 1 AND 3),
    CONSTRAINT admin_unit_dates_ck CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX admin_unit_parent_ix ON admin_unit (parent_id);
CREATE INDEX admin_unit_code_ix ON admin_unit (code);

-- Merges, splits and renames: old unit -> new unit from a date.
CREATE TABLE unit_succession (
    id              UUID PRIMARY KEY,
    site_id         UUID NOT NULL REFERENCES site (id),
    from_unit_id    UUID NOT NULL REFERENCES admin_unit (id),
    to_unit_id      UUID NOT NULL REFERENCES admin_unit (id),
    effective_date  DATE NOT NULL,
    version         VARCHAR(80) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted         BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT unit_succession_distinct_ck CHECK (from_unit_id <> to_unit_id)
);

-- Hamlets (ấp, thôn, khu vực, tổ dân phố) of a commune.
CREATE TABLE hamlet (
    id          UUID PRIMARY KEY,
    site_id     UUID NOT NULL REFERENCES site (id),
    commune_id  UUID NOT NULL REFERENCES admin_unit (id),
    name        VARCHAR(200) NOT NULL,
    hamlet_kind VARCHAR(20)  NOT NULL,
    households  INT,
    version     VARCHAR(80) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted     BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT hamlet_kind_ck CHECK (hamlet_kind IN ('AP', 'THON', 'BAN', 'KHU_VUC', 'TO_DAN_PHO')),
    CONSTRAINT hamlet_households_ck CHECK (households IS NULL OR households >= 0)
);
CREATE INDEX hamlet_commune_ix ON hamlet (commune_id);

-- Health stations (trạm y tế) and, since 2025, their health points (điểm y tế).
CREATE TABLE station (
    id                UUID PRIMARY KEY,
    site_id           UUID NOT NULL REFERENCES site (id),
    unit_id           UUID NOT NULL REFERENCES admin_unit (id),
    name              VARCHAR(200) NOT NULL,
    station_kind      VARCHAR(20) DEFAULT 'STATION' NOT NULL,
    parent_station_id UUID REFERENCES station (id),
    address           VARCHAR(400),
    phone             VARCHAR(40),
    version           VARCHAR(80) NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted           BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT station_kind_ck CHECK (station_kind IN ('STATION', 'HEALTH_POINT'))
);
CREATE INDEX station_unit_ix ON station (unit_id);

CREATE TABLE staff (
    id          UUID PRIMARY KEY,
    site_id     UUID NOT NULL REFERENCES site (id),
    station_id  UUID NOT NULL REFERENCES station (id),
    full_name   VARCHAR(200) NOT NULL,
    sex         VARCHAR(1)   NOT NULL,
    birth_year  INT,
    profession  VARCHAR(40)  NOT NULL,
    employment  VARCHAR(20)  NOT NULL,
    start_date  DATE,
    end_date    DATE,
    version     VARCHAR(80) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted     BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT staff_sex_ck CHECK (sex IN ('M', 'F')),
    CONSTRAINT staff_birth_year_ck CHECK (birth_year IS NULL OR birth_year BETWEEN 1930 AND 2020),
    CONSTRAINT staff_profession_ck CHECK (profession IN ('BAC_SI', 'BAC_SI_YHDP', 'Y_SI_DA_KHOA', 'Y_SI_SAN_NHI',
        'Y_SI_YHCT', 'HO_SINH', 'DIEU_DUONG', 'DUOC_SI', 'KY_THUAT_VIEN', 'OTHER')),
    CONSTRAINT staff_employment_ck CHECK (employment IN ('PERMANENT', 'ROTATING', 'CONTRACT')),
    CONSTRAINT staff_dates_ck CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX staff_station_ix ON staff (station_id);

-- Hamlet health workers (nhân viên y tế ấp) and village midwives (cô đỡ thôn bản).
CREATE TABLE hamlet_worker (
    id               UUID PRIMARY KEY,
    site_id          UUID NOT NULL REFERENCES site (id),
    hamlet_id        UUID NOT NULL REFERENCES hamlet (id),
    full_name        VARCHAR(200) NOT NULL,
    sex              VARCHAR(1)   NOT NULL,
    worker_role      VARCHAR(20)  NOT NULL,
    training_months  INT DEFAULT 0 NOT NULL,
    active           BOOLEAN DEFAULT TRUE NOT NULL,
    version          VARCHAR(80) NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted          BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT hamlet_worker_sex_ck CHECK (sex IN ('M', 'F')),
    CONSTRAINT hamlet_worker_role_ck CHECK (worker_role IN ('HEALTH_WORKER', 'VILLAGE_MIDWIFE')),
    CONSTRAINT hamlet_worker_training_ck CHECK (training_months BETWEEN 0 AND 120)
);
CREATE INDEX hamlet_worker_hamlet_ix ON hamlet_worker (hamlet_id);

-- Yearly figures of a commune.
CREATE TABLE commune_year (
    id                UUID PRIMARY KEY,
    site_id           UUID NOT NULL REFERENCES site (id),
    unit_id           UUID NOT NULL REFERENCES admin_unit (id),
    figure_year       INT NOT NULL,
    population        INT,
    households        INT,
    insured           INT,
    health_records    INT,
    children_under5   INT,
    births            INT,
    version           VARCHAR(80) NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted           BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT commune_year_uk UNIQUE (unit_id, figure_year),
    CONSTRAINT commune_year_year_ck CHECK (figure_year BETWEEN 2000 AND 2100),
    CONSTRAINT commune_year_counts_ck CHECK (
        (population IS NULL OR population >= 0) AND (households IS NULL OR households >= 0)
        AND (insured IS NULL OR insured >= 0) AND (health_records IS NULL OR health_records >= 0)
        AND (children_under5 IS NULL OR children_under5 >= 0) AND (births IS NULL OR births >= 0))
);

-- Who changed what, when: one row per created record, per changed field, per deletion.
CREATE TABLE audit_log (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    site_id     UUID NOT NULL,
    table_name  VARCHAR(60)  NOT NULL,
    record_id   UUID NOT NULL,
    action      VARCHAR(10)  NOT NULL,
    field       VARCHAR(60),
    old_value   VARCHAR(4000),
    new_value   VARCHAR(4000),
    version     VARCHAR(80) NOT NULL,
    CONSTRAINT audit_action_ck CHECK (action IN ('CREATE', 'UPDATE', 'DELETE'))
);
CREATE INDEX audit_record_ix ON audit_log (record_id);
