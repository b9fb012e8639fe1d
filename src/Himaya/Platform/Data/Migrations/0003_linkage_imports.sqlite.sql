-- 0003: record linkage sources, import batches and the source records they bring (provenance per row).
CREATE TABLE "link_sources" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_link_sources" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "import_batches" (
    "id" TEXT NOT NULL CONSTRAINT "pk_import_batches" PRIMARY KEY,
    "source_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_hash" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "rows_done" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "linked" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "review" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "model" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "completed_at" TEXT NULL,
    "rolled_back_at" TEXT NULL,
    CONSTRAINT "fk_import_batches_source_id" FOREIGN KEY ("source_id") REFERENCES "link_sources" ("id") ON DELETE RESTRICT
);

CREATE TABLE "source_records" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_source_records" PRIMARY KEY AUTOINCREMENT,
    "batch_id" TEXT NOT NULL,
    "source_id" INTEGER NOT NULL,
    "row_number" INTEGER NOT NULL,
    "source_record_id" TEXT NULL,
    "mapped_values" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "child_id" TEXT NULL,
    "probability" REAL NULL,
    "candidate_id" TEXT NULL,
    "problem" TEXT NULL,
    "imported_at" TEXT NOT NULL,
    CONSTRAINT "fk_source_records_batch_id" FOREIGN KEY ("batch_id") REFERENCES "import_batches" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_source_records_child_id" FOREIGN KEY ("child_id") REFERENCES "children" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_link_sources_name" ON "link_sources" ("name");

CREATE INDEX "ix_import_batches_source_id_file_hash" ON "import_batches" ("source_id", "file_hash");

CREATE UNIQUE INDEX "ix_source_records_batch_id_row_number" ON "source_records" ("batch_id", "row_number");

CREATE INDEX "ix_source_records_child_id" ON "source_records" ("child_id") WHERE child_id IS NOT NULL;
