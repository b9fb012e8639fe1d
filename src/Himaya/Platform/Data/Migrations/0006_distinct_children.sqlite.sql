-- 0006: pairs of registered children judged to be different children (not offered as duplicates again).
CREATE TABLE "distinct_children" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_distinct_children" PRIMARY KEY AUTOINCREMENT,
    "first_id" TEXT NOT NULL,
    "second_id" TEXT NOT NULL,
    "decided_by_id" INTEGER NOT NULL,
    "decided_at" TEXT NOT NULL,
    CONSTRAINT "fk_distinct_children_first_id" FOREIGN KEY ("first_id") REFERENCES "children" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_distinct_children_second_id" FOREIGN KEY ("second_id") REFERENCES "children" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_distinct_children_first_id_second_id" ON "distinct_children" ("first_id", "second_id");

CREATE INDEX "ix_distinct_children_second_id" ON "distinct_children" ("second_id");
