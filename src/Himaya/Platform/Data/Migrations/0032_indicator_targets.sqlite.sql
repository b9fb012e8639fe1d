-- 0032: an indicator's baselines and targets, one per kind, place and period (for the total; values keep the breakdowns).
CREATE TABLE "indicator_marks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_indicator_marks" PRIMARY KEY AUTOINCREMENT,
    "indicator_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_indicator_marks_indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "indicators" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_indicator_marks_indicator_id_kind_place_period" ON "indicator_marks" ("indicator_id", "kind", "place", "period");
