-- 0019: juvenile justice: a child's contact with the law on a case, legal aid, diversion, court hearings, deprivation of liberty and its reviews.
CREATE TABLE "justice_records" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_justice_records" PRIMARY KEY AUTOINCREMENT,
    "case_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "matter" TEXT NOT NULL,
    "contact_on" TEXT NOT NULL,
    "legal_aid_by" TEXT NULL,
    "legal_aid_on" TEXT NULL,
    "diversion" TEXT NULL,
    "diversion_start_on" TEXT NULL,
    "diversion_completed_on" TEXT NULL,
    "diversion_outcome" TEXT NULL,
    "detained_from" TEXT NULL,
    "detention_place" TEXT NULL,
    "detained_until" TEXT NULL,
    "last_detention_review_on" TEXT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_justice_records_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "court_hearings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_court_hearings" PRIMARY KEY AUTOINCREMENT,
    "justice_record_id" INTEGER NOT NULL,
    "on" TEXT NOT NULL,
    "court" TEXT NOT NULL,
    "outcome" TEXT NULL,
    CONSTRAINT "fk_court_hearings_justice_record_id" FOREIGN KEY ("justice_record_id") REFERENCES "justice_records" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_justice_records_case_id" ON "justice_records" ("case_id");

CREATE INDEX "ix_justice_records_detained_from" ON "justice_records" ("detained_from") WHERE detained_from IS NOT NULL AND detained_until IS NULL;

CREATE INDEX "ix_court_hearings_justice_record_id" ON "court_hearings" ("justice_record_id");

CREATE INDEX "ix_court_hearings_on" ON "court_hearings" ("on");
