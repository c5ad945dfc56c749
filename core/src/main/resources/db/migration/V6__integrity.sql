-- SPDX-License-Identifier: Apache-2.0
-- Schema v6: what integrity needs.

-- Which of a conflict's two values is this site's own: "mine" and "theirs" are shown and resolved by it,
-- not guessed from the site that stamped a version (a relayed value carries a third site's stamp).
ALTER TABLE sync_conflict ADD COLUMN kept_is_local BOOLEAN;
UPDATE sync_conflict SET kept_is_local = (other_site <> (SELECT id FROM site WHERE is_local));
ALTER TABLE sync_conflict ALTER COLUMN kept_is_local SET NOT NULL;

-- A sequence is reserved (and durable) before its package file can appear; sha256 is set once the file
-- is complete. A reservation without it was cut off: its number is never used again.
ALTER TABLE outgoing_package ALTER COLUMN sha256 SET NULL;

-- The newest version this site has issued or seen, so that the clock is seeded at open without
-- scanning every table (a PC whose clock went back must never issue an older version).
INSERT INTO app_meta (meta_key, meta_value)
SELECT 'clock.high', MAX(v) FROM (
    SELECT MAX(version) AS v FROM admin_unit UNION ALL SELECT MAX(version) FROM unit_succession
    UNION ALL SELECT MAX(version) FROM station UNION ALL SELECT MAX(version) FROM staff
    UNION ALL SELECT MAX(version) FROM hamlet UNION ALL SELECT MAX(version) FROM hamlet_worker
    UNION ALL SELECT MAX(version) FROM commune_year UNION ALL SELECT MAX(version) FROM assessment
    UNION ALL SELECT MAX(version) FROM assessment_answer UNION ALL SELECT MAX(version) FROM target
    UNION ALL SELECT MAX(version) FROM catalog_document
) AS versions HAVING MAX(v) IS NOT NULL;
