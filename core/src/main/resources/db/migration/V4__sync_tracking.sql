-- SPDX-License-Identifier: Apache-2.0
-- Schema v4: what sync needs on every synced row: the local order of changes (what the other side has
-- not seen yet) and the version at which each field last changed (so that edits of different fields
-- both survive, and edits of the same field are recognised as conflicts).

CREATE SEQUENCE change_seq START WITH 1;

ALTER TABLE admin_unit ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE admin_unit ADD COLUMN field_versions CLOB;
CREATE INDEX admin_unit_change_ix ON admin_unit (change_seq);
ALTER TABLE unit_succession ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE unit_succession ADD COLUMN field_versions CLOB;
CREATE INDEX unit_succession_change_ix ON unit_succession (change_seq);
ALTER TABLE hamlet ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE hamlet ADD COLUMN field_versions CLOB;
CREATE INDEX hamlet_change_ix ON hamlet (change_seq);
ALTER TABLE station ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE station ADD COLUMN field_versions CLOB;
CREATE INDEX station_change_ix ON station (change_seq);
ALTER TABLE staff ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE staff ADD COLUMN field_versions CLOB;
CREATE INDEX staff_change_ix ON staff (change_seq);
ALTER TABLE hamlet_worker ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE hamlet_worker ADD COLUMN field_versions CLOB;
CREATE INDEX hamlet_worker_change_ix ON hamlet_worker (change_seq);
ALTER TABLE commune_year ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE commune_year ADD COLUMN field_versions CLOB;
CREATE INDEX commune_year_change_ix ON commune_year (change_seq);
ALTER TABLE assessment ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE assessment ADD COLUMN field_versions CLOB;
CREATE INDEX assessment_change_ix ON assessment (change_seq);
ALTER TABLE assessment_answer ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE assessment_answer ADD COLUMN field_versions CLOB;
CREATE INDEX assessment_answer_change_ix ON assessment_answer (change_seq);
ALTER TABLE target ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE target ADD COLUMN field_versions CLOB;
CREATE INDEX target_change_ix ON target (change_seq);
ALTER TABLE catalog_document ADD COLUMN change_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE catalog_document ADD COLUMN field_versions CLOB;
CREATE INDEX catalog_document_change_ix ON catalog_document (change_seq);

-- The version a change replaced: an incoming change based on our current value is no conflict.
ALTER TABLE audit_log ADD COLUMN based_on VARCHAR(80);

-- Both sides changed the same field since they last exchanged, or one deleted what the other edited:
-- the owning site's value stays for now; the other value waits here until someone resolves it.
CREATE TABLE sync_conflict (
    id            UUID PRIMARY KEY,
    detected_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    record_kind   VARCHAR(40) NOT NULL,
    record_id     UUID NOT NULL,
    field         VARCHAR(60) NOT NULL,
    kept_value    VARCHAR(1048576),
    kept_version  VARCHAR(80) NOT NULL,
    other_value   VARCHAR(1048576),
    other_version VARCHAR(80) NOT NULL,
    other_site    UUID NOT NULL,
    package_file  VARCHAR(1000),
    resolved_at   TIMESTAMP WITH TIME ZONE,
    resolution    VARCHAR(10),
    CONSTRAINT sync_conflict_resolution_ck CHECK (resolution IS NULL OR resolution IN ('MINE', 'THEIRS'))
);
