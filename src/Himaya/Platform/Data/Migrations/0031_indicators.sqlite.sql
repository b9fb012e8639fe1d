-- 0031: child-rights indicators and their values, one per indicator, period (2024, 2024-Q1, 2024-03), place (AZE or an
-- administrative unit) and breakdown (canonical "SEX=F;AGE=Y3T5", empty for the total).
CREATE TABLE "indicators" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_indicators" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name_az" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "definition" TEXT NULL,
    "unit" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "ix_indicators_code" ON "indicators" ("code");
CREATE TABLE "indicator_values" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_indicator_values" PRIMARY KEY AUTOINCREMENT,
    "indicator_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "disaggregation" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "obs_status" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_indicator_values_indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "indicators" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_indicator_values_indicator_id_period_place_disaggregation" ON "indicator_values" ("indicator_id", "period", "place", "disaggregation");
