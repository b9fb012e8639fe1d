-- 0001: initial schema (generated from the EF model by scripts/initial-migration.sh, then frozen).
CREATE TABLE "admin_units" (
    "code" TEXT NOT NULL CONSTRAINT "pk_admin_units" PRIMARY KEY,
    "name_az" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parent_code" TEXT NULL,
    "is_leaf_district" INTEGER NOT NULL
);


CREATE TABLE "audit_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_entries" PRIMARY KEY,
    "at" TEXT NOT NULL,
    "user_id" INTEGER NULL,
    "user_name" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NULL,
    "entity_id" TEXT NULL,
    "detail" TEXT NULL,
    "ip_address" TEXT NULL,
    "succeeded" INTEGER NOT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);


CREATE TABLE "record_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_record_changes" PRIMARY KEY AUTOINCREMENT,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "user_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" TEXT NOT NULL
);


CREATE TABLE "users" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_users" PRIMARY KEY AUTOINCREMENT,
    "user_name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "scope_kind" TEXT NOT NULL,
    "is_active" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "security_stamp" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_sign_in_at" TEXT NULL,
    "version" INTEGER NOT NULL
);


CREATE TABLE "households" (
    "id" TEXT NOT NULL CONSTRAINT "pk_households" PRIMARY KEY,
    "address" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "settlement" TEXT NULL,
    "residence" TEXT NULL,
    "head_name" TEXT NULL,
    "water_source" TEXT NULL,
    "sanitation" TEXT NULL,
    "rooms" INTEGER NULL,
    "people" INTEGER NULL,
    "receives_tsa" INTEGER NULL,
    "other_income_support" TEXT NULL,
    "created_by_id" INTEGER NOT NULL,
    "agency" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "deleted_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_households_district_code" FOREIGN KEY ("district_code") REFERENCES "admin_units" ("code") ON DELETE RESTRICT
);


CREATE TABLE "user_roles" (
    "user_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "pk_user_roles" PRIMARY KEY ("user_id", "role"),
    CONSTRAINT "fk_user_roles_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_scope_areas" (
    "user_id" INTEGER NOT NULL,
    "admin_unit_code" TEXT NOT NULL,
    CONSTRAINT "pk_user_scope_areas" PRIMARY KEY ("user_id", "admin_unit_code"),
    CONSTRAINT "fk_user_scope_areas_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "children" (
    "id" TEXT NOT NULL CONSTRAINT "pk_children" PRIMARY KEY,
    "given_name" TEXT NOT NULL,
    "surname" TEXT NOT NULL,
    "patronymic" TEXT NULL,
    "sex" TEXT NOT NULL,
    "birth_date" TEXT NOT NULL,
    "birth_date_estimated" INTEGER NOT NULL,
    "fin" TEXT NULL,
    "birth_certificate_number" TEXT NULL,
    "birth_registered" INTEGER NULL,
    "functioning" TEXT NOT NULL,
    "has_functional_difficulty" INTEGER NOT NULL,
    "official_disability_status" INTEGER NULL,
    "disability_category" TEXT NULL,
    "care_arrangement" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "settlement" TEXT NULL,
    "residence" TEXT NULL,
    "displacement" TEXT NOT NULL,
    "enrolment" TEXT NULL,
    "school_name" TEXT NULL,
    "immunisation" TEXT NOT NULL,
    "receives_tsa" INTEGER NULL,
    "household_id" TEXT NULL,
    "relationship_to_head" TEXT NULL,
    "surname_key" TEXT NOT NULL,
    "given_name_key" TEXT NOT NULL,
    "patronymic_key" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "assigned_worker_id" INTEGER NULL,
    "agency" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "deleted_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_children_district_code" FOREIGN KEY ("district_code") REFERENCES "admin_units" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_children_household_id" FOREIGN KEY ("household_id") REFERENCES "households" ("id") ON DELETE SET NULL
);


CREATE TABLE "household_members" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_household_members" PRIMARY KEY AUTOINCREMENT,
    "household_id" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "sex" TEXT NULL,
    "birth_year" INTEGER NULL,
    "is_head" INTEGER NOT NULL,
    CONSTRAINT "fk_household_members_household_id" FOREIGN KEY ("household_id") REFERENCES "households" ("id") ON DELETE CASCADE
);


CREATE TABLE "guardians" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_guardians" PRIMARY KEY AUTOINCREMENT,
    "child_id" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "phone" TEXT NULL,
    CONSTRAINT "fk_guardians_child_id" FOREIGN KEY ("child_id") REFERENCES "children" ("id") ON DELETE CASCADE
);


CREATE INDEX "ix_audit_entries_at" ON "audit_entries" ("at");


CREATE INDEX "ix_audit_entries_entity_type_entity_id" ON "audit_entries" ("entity_type", "entity_id");


CREATE INDEX "ix_audit_entries_user_name" ON "audit_entries" ("user_name");


CREATE INDEX "ix_children_assigned_worker_id" ON "children" ("assigned_worker_id") WHERE assigned_worker_id IS NOT NULL;


CREATE INDEX "ix_children_birth_certificate_number" ON "children" ("birth_certificate_number") WHERE birth_certificate_number IS NOT NULL;


CREATE INDEX "ix_children_birth_date" ON "children" ("birth_date");


CREATE INDEX "ix_children_district_code_surname_key" ON "children" ("district_code", "surname_key") WHERE deleted_at IS NULL;


CREATE INDEX "ix_children_fin" ON "children" ("fin") WHERE fin IS NOT NULL;


CREATE INDEX "ix_children_given_name_key_surname_key_id" ON "children" ("given_name_key", "surname_key", "id") WHERE deleted_at IS NULL;


CREATE INDEX "ix_children_household_id" ON "children" ("household_id") WHERE household_id IS NOT NULL;


CREATE INDEX "ix_children_patronymic_key_surname_key_id" ON "children" ("patronymic_key", "surname_key", "id") WHERE deleted_at IS NULL;


CREATE INDEX "ix_children_surname_key_given_name_key_id" ON "children" ("surname_key", "given_name_key", "id") WHERE deleted_at IS NULL;


CREATE INDEX "ix_guardians_child_id" ON "guardians" ("child_id");


CREATE INDEX "ix_household_members_household_id" ON "household_members" ("household_id");


CREATE INDEX "ix_households_district_code" ON "households" ("district_code");


CREATE INDEX "ix_record_changes_entity_type_entity_id" ON "record_changes" ("entity_type", "entity_id");


CREATE UNIQUE INDEX "ix_users_user_name" ON "users" ("user_name");




-- The audit trail is append-only: the application never updates or deletes it, and the database refuses to.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
