-- Community programmes are changed as a whole under a version; a contact reaches a child who came, or whose
-- caregivers came (mother, father…), or both. Existing contacts were the children's own attendance.
ALTER TABLE "programmes" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "contact_children" ADD COLUMN "child_present" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "contact_children" ADD COLUMN "caregivers" TEXT NULL;
CREATE INDEX "ix_contact_children_contact_id" ON "contact_children" ("contact_id") WHERE caregivers IS NOT NULL;
