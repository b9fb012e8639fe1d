-- Community services: screenings with the standard instruments, case proposals, home visiting (enrolments, visits).
CREATE TABLE "screenings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_screenings" PRIMARY KEY,
    "child_id" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "age_months" INTEGER NOT NULL,
    "answers" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "concern" INTEGER NOT NULL,
    "programme_id" INTEGER NULL,
    "contact_id" TEXT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_screenings_child_id" FOREIGN KEY ("child_id") REFERENCES "children" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_screenings_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_screenings_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE SET NULL
);

CREATE TABLE "case_proposals" (
    "id" TEXT NOT NULL CONSTRAINT "pk_case_proposals" PRIMARY KEY,
    "child_id" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "screening_id" TEXT NULL,
    "home_visit_id" TEXT NULL,
    "summary" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "case_id" TEXT NULL,
    "decline_reason" TEXT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    "decided_at" TEXT NULL,
    "decided_by_id" INTEGER NULL,
    CONSTRAINT "fk_case_proposals_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_case_proposals_child_id" FOREIGN KEY ("child_id") REFERENCES "children" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_case_proposals_screening_id" FOREIGN KEY ("screening_id") REFERENCES "screenings" ("id") ON DELETE RESTRICT
);

CREATE TABLE "home_visit_enrolments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_home_visit_enrolments" PRIMARY KEY,
    "programme_id" INTEGER NOT NULL,
    "child_id" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "worker_id" INTEGER NOT NULL,
    "enrolled_on" TEXT NOT NULL,
    "ended_on" TEXT NULL,
    "end_reason" TEXT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_home_visit_enrolments_child_id" FOREIGN KEY ("child_id") REFERENCES "children" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_home_visit_enrolments_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE
);

CREATE TABLE "home_visits" (
    "id" TEXT NOT NULL CONSTRAINT "pk_home_visits" PRIMARY KEY,
    "enrolment_id" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "immunisation_up_to_date" INTEGER NULL,
    "weight_kg" TEXT NULL,
    "length_cm" TEXT NULL,
    "milestones_screening_id" TEXT NULL,
    "developmental_concern" INTEGER NOT NULL,
    "caregiver_wellbeing" TEXT NOT NULL,
    "home_safety" TEXT NOT NULL,
    "notes" TEXT NULL,
    "contact_id" TEXT NOT NULL,
    "proposal_id" TEXT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_home_visits_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_home_visits_enrolment_id" FOREIGN KEY ("enrolment_id") REFERENCES "home_visit_enrolments" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_home_visits_milestones_screening_id" FOREIGN KEY ("milestones_screening_id") REFERENCES "screenings" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_case_proposals_case_id" ON "case_proposals" ("case_id");
CREATE INDEX "ix_case_proposals_child_id" ON "case_proposals" ("child_id");
CREATE INDEX "ix_case_proposals_screening_id" ON "case_proposals" ("screening_id");
CREATE INDEX "ix_case_proposals_status_district_code" ON "case_proposals" ("status", "district_code");
CREATE INDEX "ix_home_visit_enrolments_child_id" ON "home_visit_enrolments" ("child_id");
CREATE INDEX "ix_home_visit_enrolments_programme_id_child_id" ON "home_visit_enrolments" ("programme_id", "child_id");
CREATE INDEX "ix_home_visit_enrolments_worker_id_ended_on" ON "home_visit_enrolments" ("worker_id", "ended_on");
CREATE INDEX "ix_home_visits_contact_id" ON "home_visits" ("contact_id");
CREATE UNIQUE INDEX "ix_home_visits_enrolment_id_months" ON "home_visits" ("enrolment_id", "months");
CREATE INDEX "ix_home_visits_milestones_screening_id" ON "home_visits" ("milestones_screening_id");
CREATE INDEX "ix_screenings_child_id_instrument_date" ON "screenings" ("child_id", "instrument", "date");
CREATE INDEX "ix_screenings_contact_id" ON "screenings" ("contact_id");
CREATE INDEX "ix_screenings_programme_id" ON "screenings" ("programme_id");
