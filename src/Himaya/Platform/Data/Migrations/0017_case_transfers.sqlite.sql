-- 0017: case transfers waiting for the receiving supervisor.
ALTER TABLE "cases" ADD "transfer_to_supervisor_id" INTEGER NULL;
ALTER TABLE "cases" ADD "transfer_to_district" TEXT NULL;
ALTER TABLE "cases" ADD "transfer_reason" TEXT NULL;
ALTER TABLE "cases" ADD "transfer_requested_at" TEXT NULL;
ALTER TABLE "cases" ADD "transfer_requested_by_id" INTEGER NULL;
CREATE INDEX "ix_cases_transfer_to_supervisor_id" ON "cases" ("transfer_to_supervisor_id") WHERE transfer_to_supervisor_id IS NOT NULL;
