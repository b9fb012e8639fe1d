-- 0018: alternative care: gatekeeping decisions, placements, the foster carer register with reviews, monitoring visits after reunification.
CREATE TABLE "foster_carers" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_foster_carers" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "address" TEXT NULL,
    "phone" TEXT NULL,
    "status" TEXT NOT NULL,
    "applied_on" TEXT NOT NULL,
    "assessed_on" TEXT NULL,
    "assessment_summary" TEXT NULL,
    "trained_on" TEXT NULL,
    "approved_on" TEXT NULL,
    "approved_by_id" INTEGER NULL,
    "capacity" INTEGER NOT NULL,
    "min_age" INTEGER NOT NULL,
    "max_age" INTEGER NOT NULL,
    "accepts_disability" INTEGER NOT NULL,
    "next_review_on" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_foster_carers_district_code" FOREIGN KEY ("district_code") REFERENCES "admin_units" ("code") ON DELETE RESTRICT
);

CREATE TABLE "gatekeeping_decisions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_gatekeeping_decisions" PRIMARY KEY AUTOINCREMENT,
    "case_id" TEXT NOT NULL,
    "panel_on" TEXT NOT NULL,
    "panel_members" TEXT NOT NULL,
    "options_considered" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_gatekeeping_decisions_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "placements" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_placements" PRIMARY KEY AUTOINCREMENT,
    "case_id" TEXT NOT NULL,
    "child_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "foster_carer_id" INTEGER NULL,
    "place_name" TEXT NOT NULL,
    "gatekeeping_decision_id" INTEGER NULL,
    "start_on" TEXT NOT NULL,
    "end_on" TEXT NULL,
    "end_reason" TEXT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_placements_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_placements_child_id" FOREIGN KEY ("child_id") REFERENCES "children" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_placements_foster_carer_id" FOREIGN KEY ("foster_carer_id") REFERENCES "foster_carers" ("id") ON DELETE RESTRICT
);

CREATE TABLE "foster_carer_reviews" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_foster_carer_reviews" PRIMARY KEY AUTOINCREMENT,
    "foster_carer_id" INTEGER NOT NULL,
    "on" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "notes" TEXT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_foster_carer_reviews_foster_carer_id" FOREIGN KEY ("foster_carer_id") REFERENCES "foster_carers" ("id") ON DELETE CASCADE
);

CREATE TABLE "monitoring_visits" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_monitoring_visits" PRIMARY KEY AUTOINCREMENT,
    "case_id" TEXT NOT NULL,
    "months_after" INTEGER NOT NULL,
    "due_on" TEXT NOT NULL,
    "done_on" TEXT NULL,
    "findings" TEXT NULL,
    "by_id" INTEGER NULL,
    CONSTRAINT "fk_monitoring_visits_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_foster_carers_district_code_status" ON "foster_carers" ("district_code", "status");

CREATE INDEX "ix_gatekeeping_decisions_case_id" ON "gatekeeping_decisions" ("case_id");

CREATE INDEX "ix_placements_case_id" ON "placements" ("case_id");

CREATE UNIQUE INDEX "ix_placements_child_id" ON "placements" ("child_id") WHERE end_on IS NULL;

CREATE INDEX "ix_placements_foster_carer_id" ON "placements" ("foster_carer_id") WHERE foster_carer_id IS NOT NULL;

CREATE INDEX "ix_foster_carer_reviews_foster_carer_id" ON "foster_carer_reviews" ("foster_carer_id");

CREATE INDEX "ix_monitoring_visits_case_id" ON "monitoring_visits" ("case_id");
