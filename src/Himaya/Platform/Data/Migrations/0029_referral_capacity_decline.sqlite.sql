-- 0029: a referral declined because the service had no free place says so (coverage counts these declines apart). The default serves bulk loaders that name their columns.
ALTER TABLE "referrals" ADD COLUMN "declined_for_capacity" INTEGER NOT NULL DEFAULT 0;
