-- SPDX-License-Identifier: Apache-2.0
-- Schema v5: the packages this site wrote, so that an incremental export sends everything the
-- receiver has not acknowledged (changes after the local change number of its last acknowledged package).

CREATE TABLE outgoing_package (
    receiver    UUID NOT NULL,
    sequence    INT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    high_water  BIGINT NOT NULL,
    full_export BOOLEAN NOT NULL,
    file_name   VARCHAR(1000) NOT NULL,
    sha256      VARCHAR(64) NOT NULL,
    CONSTRAINT outgoing_package_pk PRIMARY KEY (receiver, sequence)
);
