-- 0011: outreach tasks started from the most-deprived list, for the child's district.
CREATE TABLE "outreach_tasks" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outreach_tasks" PRIMARY KEY,
    "child_id" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "dimensions" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "note" TEXT NULL,
    "status" TEXT NOT NULL,
    "outcome" TEXT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "closed_by_id" INTEGER NULL,
    "closed_at" TEXT NULL,
    CONSTRAINT "fk_outreach_tasks_child_id" FOREIGN KEY ("child_id") REFERENCES "children" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_outreach_tasks_child_id" ON "outreach_tasks" ("child_id");

CREATE INDEX "ix_outreach_tasks_district_code_status" ON "outreach_tasks" ("district_code", "status");
