-- 0034: an indicator's metadata: numerator and denominator in words, the breakdowns its values may carry, the SDG target
-- and the CRC articles it reports on.
ALTER TABLE "indicators" ADD COLUMN "numerator" TEXT NULL;
ALTER TABLE "indicators" ADD COLUMN "denominator" TEXT NULL;
ALTER TABLE "indicators" ADD COLUMN "dimensions" TEXT NOT NULL DEFAULT '';
ALTER TABLE "indicators" ADD COLUMN "sdg_target" TEXT NULL;
ALTER TABLE "indicators" ADD COLUMN "crc_articles" TEXT NULL;
