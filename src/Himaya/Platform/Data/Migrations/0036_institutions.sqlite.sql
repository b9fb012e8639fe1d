-- 0036: institution monitoring: the register of residential care and detention institutions, independent monitors'
-- visits with the standard checklist, private interviews (notes kept to the mandate), findings and their follow-up.
CREATE TABLE "institutions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_institutions" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "operator" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);
CREATE TABLE "institution_visits" (
    "id" TEXT NOT NULL CONSTRAINT "pk_institution_visits" PRIMARY KEY,
    "institution_id" INTEGER NOT NULL,
    "visited_on" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "summary" TEXT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    "reported_at" TEXT NULL,
    CONSTRAINT "fk_institution_visits_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institutions" ("id") ON DELETE RESTRICT
);
CREATE TABLE "visit_checks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_visit_checks" PRIMARY KEY AUTOINCREMENT,
    "visit_id" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_visit_checks_visit_id" FOREIGN KEY ("visit_id") REFERENCES "institution_visits" ("id") ON DELETE CASCADE
);
CREATE TABLE "visit_findings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_visit_findings" PRIMARY KEY AUTOINCREMENT,
    "visit_id" TEXT NOT NULL,
    "institution_id" INTEGER NOT NULL,
    "item" TEXT NULL,
    "severity" TEXT NOT NULL,
    "finding" TEXT NOT NULL,
    "recommendation" TEXT NOT NULL,
    "addressee" TEXT NOT NULL,
    "due_on" TEXT NULL,
    "status" TEXT NOT NULL,
    "status_at" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_visit_findings_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institutions" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_visit_findings_visit_id" FOREIGN KEY ("visit_id") REFERENCES "institution_visits" ("id") ON DELETE CASCADE
);
CREATE TABLE "visit_interviews" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_visit_interviews" PRIMARY KEY AUTOINCREMENT,
    "visit_id" TEXT NOT NULL,
    "interviewee" TEXT NOT NULL,
    "age_group" TEXT NULL,
    "notes" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_visit_interviews_visit_id" FOREIGN KEY ("visit_id") REFERENCES "institution_visits" ("id") ON DELETE CASCADE
);
CREATE TABLE "finding_updates" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_finding_updates" PRIMARY KEY AUTOINCREMENT,
    "finding_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_finding_updates_finding_id" FOREIGN KEY ("finding_id") REFERENCES "visit_findings" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_finding_updates_finding_id" ON "finding_updates" ("finding_id");
CREATE INDEX "ix_institution_visits_institution_id_visited_on" ON "institution_visits" ("institution_id", "visited_on");
CREATE INDEX "ix_institutions_district_code" ON "institutions" ("district_code");
CREATE UNIQUE INDEX "ix_institutions_name" ON "institutions" ("name");
CREATE UNIQUE INDEX "ix_visit_checks_visit_id_item" ON "visit_checks" ("visit_id", "item");
CREATE INDEX "ix_visit_findings_institution_id_status" ON "visit_findings" ("institution_id", "status");
CREATE INDEX "ix_visit_findings_visit_id" ON "visit_findings" ("visit_id");
CREATE INDEX "ix_visit_interviews_visit_id" ON "visit_interviews" ("visit_id");
