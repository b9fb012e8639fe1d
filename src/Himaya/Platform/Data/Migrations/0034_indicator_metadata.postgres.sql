-- 0034: an indicator's metadata: numerator and denominator in words, the breakdowns its values may carry, the SDG target
-- and the CRC articles it reports on.
ALTER TABLE indicators ADD COLUMN numerator character varying(1000);
ALTER TABLE indicators ADD COLUMN denominator character varying(1000);
ALTER TABLE indicators ADD COLUMN dimensions character varying(200) NOT NULL DEFAULT '';
ALTER TABLE indicators ALTER COLUMN dimensions DROP DEFAULT;
ALTER TABLE indicators ADD COLUMN sdg_target character varying(20);
ALTER TABLE indicators ADD COLUMN crc_articles character varying(200);
