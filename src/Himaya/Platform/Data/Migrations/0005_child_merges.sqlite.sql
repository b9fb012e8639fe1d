-- 0005: merging duplicate child records, reversibly (what each merge moved is kept for the unmerge).
ALTER TABLE "children" ADD "merged_into_id" TEXT NULL;

CREATE TABLE "child_merges" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_child_merges" PRIMARY KEY AUTOINCREMENT,
    "survivor_id" TEXT NOT NULL,
    "merged_id" TEXT NOT NULL,
    "moved_source_records" TEXT NOT NULL,
    "merged_by_id" INTEGER NOT NULL,
    "merged_at" TEXT NOT NULL,
    "unmerged_by_id" INTEGER NULL,
    "unmerged_at" TEXT NULL,
    CONSTRAINT "fk_child_merges_merged_id" FOREIGN KEY ("merged_id") REFERENCES "children" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_child_merges_survivor_id" FOREIGN KEY ("survivor_id") REFERENCES "children" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_child_merges_merged_id" ON "child_merges" ("merged_id");

CREATE INDEX "ix_child_merges_survivor_id" ON "child_merges" ("survivor_id");
