-- 0035: the child-focused budget: public budget lines by year, sector and programme, tagged by how much of them is for
-- children (direct, indirect, none), planned and executed (AZN).
CREATE TABLE "budget_lines" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_budget_lines" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "sector" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "relevance" TEXT NOT NULL,
    "planned" TEXT NOT NULL,
    "executed" TEXT NULL,
    "source" TEXT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL
);
CREATE INDEX "ix_budget_lines_year" ON "budget_lines" ("year");
