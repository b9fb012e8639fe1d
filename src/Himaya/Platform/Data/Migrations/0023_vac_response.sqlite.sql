-- 0023: the response to violence reports. Coordination follow-up: a decision's owner as a user and when it was done (by
-- whom); members who left, kept as history. Earlier reports during a call: the caller's phone as a key, and the child's
-- name key on its own (the same child reported in another district).
ALTER TABLE "coordination_members" ADD "left_on" TEXT NULL;

ALTER TABLE "coordination_decisions" ADD "owner_user_id" INTEGER NULL;
ALTER TABLE "coordination_decisions" ADD "done_at" TEXT NULL;
ALTER TABLE "coordination_decisions" ADD "done_by_id" INTEGER NULL;
ALTER TABLE "coordination_decisions" ADD "done_note" TEXT NULL;

ALTER TABLE "vac_reports" ADD "reporter_phone_key" TEXT NULL;
-- A stored phone holds only digits, spaces, +, -, ( and ) (the intake's rule).
UPDATE "vac_reports" SET "reporter_phone_key" = substr(replace(replace(replace(replace(replace("reporter_phone", ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), -9)
WHERE length(replace(replace(replace(replace(replace("reporter_phone", ' ', ''), '+', ''), '-', ''), '(', ''), ')', '')) >= 7;

CREATE INDEX "ix_coordination_decisions_owner_user_id" ON "coordination_decisions" ("owner_user_id") WHERE owner_user_id IS NOT NULL AND done_at IS NULL;
CREATE INDEX "ix_vac_reports_child_key" ON "vac_reports" ("child_key") WHERE child_key IS NOT NULL;
CREATE INDEX "ix_vac_reports_reporter_phone_key" ON "vac_reports" ("reporter_phone_key") WHERE reporter_phone_key IS NOT NULL;
