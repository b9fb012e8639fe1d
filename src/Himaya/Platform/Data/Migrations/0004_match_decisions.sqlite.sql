-- 0004: reviewers' decisions on proposed pairs (never proposed again once decided not a match), and the review queue's index.
CREATE TABLE "match_decisions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_match_decisions" PRIMARY KEY AUTOINCREMENT,
    "source_record_id" INTEGER NOT NULL,
    "child_id" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "probability" REAL NULL,
    "decided_by_id" INTEGER NOT NULL,
    "decided_at" TEXT NOT NULL,
    CONSTRAINT "fk_match_decisions_source_record_id" FOREIGN KEY ("source_record_id") REFERENCES "source_records" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_match_decisions_source_record_id_child_id" ON "match_decisions" ("source_record_id", "child_id");

CREATE INDEX "ix_source_records_outcome" ON "source_records" ("outcome") WHERE outcome = 'Review';
