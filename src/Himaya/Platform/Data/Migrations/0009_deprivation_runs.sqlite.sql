-- 0009: stored deprivation analyses (to compare over time).
CREATE TABLE "deprivation_runs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_deprivation_runs" PRIMARY KEY,
    "scope" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "framework_version" TEXT NOT NULL,
    "age_group" TEXT NOT NULL,
    "disaggregations" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "label" TEXT NULL,
    "result" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "data_as_of" TEXT NOT NULL
);

CREATE INDEX "ix_deprivation_runs_created_at" ON "deprivation_runs" ("created_at");
