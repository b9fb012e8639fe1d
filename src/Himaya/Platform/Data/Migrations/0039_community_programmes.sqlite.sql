-- 0039: community programmes (activities, districts, optionally a project), their targets of unique children by
-- district and period, and light contacts with the children who took part.
CREATE TABLE "programmes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_programmes" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "project_id" INTEGER NULL,
    "activity_types" TEXT NOT NULL,
    "districts" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_programmes_project_id" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE SET NULL
);
CREATE TABLE "contacts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contacts" PRIMARY KEY,
    "programme_id" INTEGER NOT NULL,
    "activity_type" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "place" TEXT NULL,
    "topics" TEXT NULL,
    "referral_made" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_contacts_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE
);
CREATE TABLE "programme_targets" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_programme_targets" PRIMARY KEY AUTOINCREMENT,
    "programme_id" INTEGER NOT NULL,
    "district_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "unique_children" INTEGER NOT NULL,
    CONSTRAINT "fk_programme_targets_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE
);
CREATE TABLE "contact_children" (
    "contact_id" TEXT NOT NULL,
    "child_id" TEXT NOT NULL,
    CONSTRAINT "pk_contact_children" PRIMARY KEY ("contact_id", "child_id"),
    CONSTRAINT "fk_contact_children_child_id" FOREIGN KEY ("child_id") REFERENCES "children" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_contact_children_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_contact_children_child_id" ON "contact_children" ("child_id");
CREATE INDEX "ix_contacts_programme_id_date" ON "contacts" ("programme_id", "date");
CREATE UNIQUE INDEX "ix_programme_targets_programme_id_district_code_period" ON "programme_targets" ("programme_id", "district_code", "period");
CREATE INDEX "ix_programmes_project_id" ON "programmes" ("project_id");
