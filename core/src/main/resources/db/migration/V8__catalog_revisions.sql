-- Catalog revisions as data (issue 10): who made a revision, when (ISO-8601 instant with offset),
-- why, and which revision it was made from (0: the shipped catalog). Shipped catalogs are never rows.
-- Rows from before (none was ever made: nothing wrote them but sync) get placeholder values.
ALTER TABLE catalog_document ADD COLUMN made_by VARCHAR(200) DEFAULT '?' NOT NULL;
ALTER TABLE catalog_document ADD COLUMN made_at VARCHAR(40) DEFAULT '1970-01-01T00:00Z' NOT NULL;
ALTER TABLE catalog_document ADD COLUMN reason VARCHAR(2000) DEFAULT '?' NOT NULL;
ALTER TABLE catalog_document ADD COLUMN based_on INT DEFAULT 0 NOT NULL;
