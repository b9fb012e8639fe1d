-- 0033: funded projects and their results frameworks: outcomes and outputs, targets by place and period, and progress
-- reports (cumulative from the project's start; the same result, place and period again replaces the report).
CREATE TABLE "projects" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_projects" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name_az" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "funder" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "budget" TEXT NOT NULL,
    "funder_share" TEXT NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,
    "districts" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ix_projects_code" ON "projects" ("code");
CREATE TABLE "project_results" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_project_results" PRIMARY KEY AUTOINCREMENT,
    "project_id" INTEGER NOT NULL,
    "parent_id" INTEGER NULL,
    "level" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "statement_az" TEXT NOT NULL,
    "statement_en" TEXT NOT NULL,
    "statement_ru" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "indicator_id" INTEGER NULL,
    CONSTRAINT "fk_project_results_project_id" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_project_results_parent_id" FOREIGN KEY ("parent_id") REFERENCES "project_results" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_project_results_indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "indicators" ("id") ON DELETE SET NULL
);
CREATE UNIQUE INDEX "ix_project_results_project_id_code" ON "project_results" ("project_id", "code");
CREATE INDEX "ix_project_results_parent_id" ON "project_results" ("parent_id");
CREATE INDEX "ix_project_results_indicator_id" ON "project_results" ("indicator_id");
CREATE TABLE "result_targets" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_result_targets" PRIMARY KEY AUTOINCREMENT,
    "result_id" INTEGER NOT NULL,
    "place" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    CONSTRAINT "fk_result_targets_result_id" FOREIGN KEY ("result_id") REFERENCES "project_results" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_result_targets_result_id_place_period" ON "result_targets" ("result_id", "place", "period");
CREATE TABLE "result_progress" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_result_progress" PRIMARY KEY AUTOINCREMENT,
    "result_id" INTEGER NOT NULL,
    "place" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT NULL,
    "reported_by_id" INTEGER NOT NULL,
    "reported_at" TEXT NOT NULL,
    CONSTRAINT "fk_result_progress_result_id" FOREIGN KEY ("result_id") REFERENCES "project_results" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_result_progress_result_id_place_period" ON "result_progress" ("result_id", "place", "period");
