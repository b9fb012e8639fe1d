-- 0014: case management: cases with their assessments, plan actions, notes and history; services; closed-loop referrals.
CREATE TABLE "services" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_services" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "min_age" INTEGER NOT NULL,
    "max_age" INTEGER NOT NULL,
    "areas" TEXT NOT NULL,
    "contact" TEXT NULL,
    "active" INTEGER NOT NULL
);

CREATE TABLE "cases" (
    "id" TEXT NOT NULL CONSTRAINT "pk_cases" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "child_id" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "supervisor_id" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "risk" TEXT NOT NULL,
    "pending" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "concerns" TEXT NOT NULL,
    "opened_from" TEXT NOT NULL,
    "outreach_task_id" TEXT NULL,
    "opened_at" TEXT NOT NULL,
    "opened_by_id" INTEGER NOT NULL,
    "due_at" TEXT NULL,
    "next_review_on" TEXT NULL,
    "individual_care_plan" INTEGER NOT NULL,
    "care_plan_domains" TEXT NOT NULL,
    "review_cycle_months" INTEGER NULL,
    "closure_reason" TEXT NULL,
    "closure_outcome" TEXT NULL,
    "closed_at" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    "updated_by_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_cases_child_id" FOREIGN KEY ("child_id") REFERENCES "children" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_cases_district_code" FOREIGN KEY ("district_code") REFERENCES "admin_units" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_cases_owner_id" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_cases_supervisor_id" FOREIGN KEY ("supervisor_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_assessments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_assessments" PRIMARY KEY AUTOINCREMENT,
    "case_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_case_assessments_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "case_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_events" PRIMARY KEY AUTOINCREMENT,
    "case_id" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT NULL,
    "comment" TEXT NULL,
    CONSTRAINT "fk_case_events_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "case_notes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_case_notes" PRIMARY KEY,
    "case_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sensitive" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_case_notes_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "case_plan_actions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_plan_actions" PRIMARY KEY AUTOINCREMENT,
    "case_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "goal" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "responsible" TEXT NOT NULL,
    "due_on" TEXT NOT NULL,
    "done" INTEGER NOT NULL,
    CONSTRAINT "fk_case_plan_actions_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "referrals" (
    "id" TEXT NOT NULL CONSTRAINT "pk_referrals" PRIMARY KEY,
    "case_id" TEXT NOT NULL,
    "service_id" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "consent_given" INTEGER NOT NULL,
    "consent_by" TEXT NOT NULL,
    "consent_on" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "sent_at" TEXT NOT NULL,
    "sent_by_id" INTEGER NOT NULL,
    "respond_by" TEXT NOT NULL,
    "due_on" TEXT NULL,
    "decline_reason" TEXT NULL,
    "responded_at" TEXT NULL,
    "responded_by_id" INTEGER NULL,
    "delivery_note" TEXT NULL,
    "delivered_at" TEXT NULL,
    "outcome" TEXT NULL,
    "completed_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_referrals_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_referrals_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_services_agency" ON "services" ("agency");

CREATE UNIQUE INDEX "ix_services_name" ON "services" ("name");

CREATE UNIQUE INDEX "ix_cases_child_id" ON "cases" ("child_id") WHERE stage <> 'Closed';

CREATE INDEX "ix_cases_district_code_stage" ON "cases" ("district_code", "stage");

CREATE UNIQUE INDEX "ix_cases_number" ON "cases" ("number");

CREATE INDEX "ix_cases_owner_id_stage" ON "cases" ("owner_id", "stage");

CREATE INDEX "ix_cases_supervisor_id_pending" ON "cases" ("supervisor_id", "pending");

CREATE INDEX "ix_case_assessments_case_id" ON "case_assessments" ("case_id");

CREATE INDEX "ix_case_events_case_id" ON "case_events" ("case_id");

CREATE INDEX "ix_case_notes_case_id" ON "case_notes" ("case_id");

CREATE INDEX "ix_case_plan_actions_case_id" ON "case_plan_actions" ("case_id");

CREATE INDEX "ix_referrals_case_id" ON "referrals" ("case_id");

CREATE INDEX "ix_referrals_service_id_status" ON "referrals" ("service_id", "status");
