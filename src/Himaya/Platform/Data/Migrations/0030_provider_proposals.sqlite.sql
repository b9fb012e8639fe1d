-- 0030: a provider's staff propose new contact facts (phone, email, address, website) for their provider; the proposal
-- waits on the provider's row (proposed_at set) until a keeper of the directory approves or returns it with a reason.
ALTER TABLE "providers" ADD COLUMN "proposed_phone" TEXT NULL;
ALTER TABLE "providers" ADD COLUMN "proposed_email" TEXT NULL;
ALTER TABLE "providers" ADD COLUMN "proposed_address" TEXT NULL;
ALTER TABLE "providers" ADD COLUMN "proposed_website" TEXT NULL;
ALTER TABLE "providers" ADD COLUMN "proposed_by_id" INTEGER NULL;
ALTER TABLE "providers" ADD COLUMN "proposed_at" TEXT NULL;
ALTER TABLE "providers" ADD COLUMN "returned_reason" TEXT NULL;
