-- 0027: a provider's state contracts (funder, number, amount in AZN, period, the service types bought; the status is derived
-- from the period, never stored) and its contact people.
CREATE TABLE "provider_contacts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_provider_contacts" PRIMARY KEY AUTOINCREMENT,
    "provider_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NULL,
    "phone" TEXT NULL,
    "email" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_provider_contacts_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE CASCADE
);
CREATE TABLE "provider_contracts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_provider_contracts" PRIMARY KEY AUTOINCREMENT,
    "provider_id" INTEGER NOT NULL,
    "funder" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NOT NULL,
    "ended_on" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_provider_contracts_provider_id" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE RESTRICT
);

CREATE TABLE "provider_contract_types" (
    "contract_id" INTEGER NOT NULL,
    "type_code" TEXT NOT NULL,
    CONSTRAINT "pk_provider_contract_types" PRIMARY KEY ("contract_id", "type_code"),
    CONSTRAINT "fk_provider_contract_types_contract_id" FOREIGN KEY ("contract_id") REFERENCES "provider_contracts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_provider_contract_types_type_code" FOREIGN KEY ("type_code") REFERENCES "service_types" ("code") ON DELETE RESTRICT
);

CREATE INDEX "ix_provider_contacts_provider_id" ON "provider_contacts" ("provider_id");
CREATE INDEX "ix_provider_contract_types_type_code" ON "provider_contract_types" ("type_code");
CREATE UNIQUE INDEX "ix_provider_contracts_funder_number" ON "provider_contracts" ("funder", "number");
CREATE INDEX "ix_provider_contracts_provider_id" ON "provider_contracts" ("provider_id");
