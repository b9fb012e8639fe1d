-- 0021: violence against children — reports (incidents, apart from cases) and the actions taken on them.
CREATE TABLE "vac_reports" (
    "id" TEXT NOT NULL CONSTRAINT "pk_vac_reports" PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "place" TEXT NULL,
    "occurred_on" TEXT NULL,
    "immediate_danger" INTEGER NOT NULL,
    "child_given_name" TEXT NULL,
    "child_surname" TEXT NULL,
    "child_patronymic" TEXT NULL,
    "child_sex" TEXT NULL,
    "child_birth_date" TEXT NULL,
    "child_approximate_age" INTEGER NULL,
    "child_disability" INTEGER NULL,
    "child_key" TEXT NULL,
    "child_id" TEXT NULL,
    "case_id" TEXT NULL,
    "perpetrator_relation" TEXT NULL,
    "perpetrator_description" TEXT NULL,
    "reporter_name" TEXT NULL,
    "reporter_phone" TEXT NULL,
    "reporter_relation" TEXT NULL,
    "reported_by_id" INTEGER NULL,
    "reported_at" TEXT NOT NULL,
    "risk" TEXT NOT NULL,
    "earlier_reports" INTEGER NOT NULL,
    "response_due_at" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "assigned_to_id" INTEGER NULL,
    "assigned_at" TEXT NULL,
    "first_responded_at" TEXT NULL,
    "closed_at" TEXT NULL,
    "closure_reason" TEXT NULL,
    "closure_note" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "vac_response_actions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_vac_response_actions" PRIMARY KEY AUTOINCREMENT,
    "report_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_vac_response_actions_report_id" FOREIGN KEY ("report_id") REFERENCES "vac_reports" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_vac_reports_assigned_to_id" ON "vac_reports" ("assigned_to_id") WHERE assigned_to_id IS NOT NULL;
CREATE INDEX "ix_vac_reports_district_code_child_key" ON "vac_reports" ("district_code", "child_key") WHERE child_key IS NOT NULL;
CREATE INDEX "ix_vac_reports_district_code_status_response_due_at" ON "vac_reports" ("district_code", "status", "response_due_at");
CREATE UNIQUE INDEX "ix_vac_reports_reference" ON "vac_reports" ("reference");
CREATE INDEX "ix_vac_reports_reported_by_id" ON "vac_reports" ("reported_by_id") WHERE reported_by_id IS NOT NULL;
CREATE INDEX "ix_vac_response_actions_report_id" ON "vac_response_actions" ("report_id");
