-- 0010: deprivation frameworks defined by administrators and analysts (immutable versions).
CREATE TABLE "deprivation_frameworks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_deprivation_frameworks" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ix_deprivation_frameworks_name_version" ON "deprivation_frameworks" ("name", "version");
