-- 0016: case documents (the files themselves are kept outside the database).
CREATE TABLE "case_attachments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_case_attachments" PRIMARY KEY,
    "case_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "description" TEXT NULL,
    "sensitive" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_case_attachments_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_case_attachments_case_id" ON "case_attachments" ("case_id");
