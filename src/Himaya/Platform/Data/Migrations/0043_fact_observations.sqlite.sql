-- Registry facts with their provenance (issue #16): every source's word on a child's fact, kept side by side, and the
-- administrator's rule per fact naming the source that wins.
CREATE TABLE "fact_observations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_fact_observations" PRIMARY KEY AUTOINCREMENT,
    "child_id" TEXT NOT NULL,
    "fact" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "observed_on" TEXT NOT NULL,
    "received_at" TEXT NOT NULL,
    "batch_id" TEXT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_fact_observations_child_id" FOREIGN KEY ("child_id") REFERENCES "children" ("id") ON DELETE CASCADE
);

CREATE TABLE "fact_rules" (
    "fact" TEXT NOT NULL CONSTRAINT "pk_fact_rules" PRIMARY KEY,
    "preferred_source" TEXT NULL,
    "changed_at" TEXT NOT NULL,
    "changed_by_id" INTEGER NOT NULL
);
CREATE INDEX "ix_fact_observations_batch_id" ON "fact_observations" ("batch_id");
CREATE INDEX "ix_fact_observations_child_id_fact" ON "fact_observations" ("child_id", "fact");
