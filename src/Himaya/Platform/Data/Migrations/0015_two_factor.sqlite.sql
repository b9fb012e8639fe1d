-- 0015: two-factor sign-in (TOTP): the encrypted secret, whether it is on, the last accepted step, hashed recovery codes.
ALTER TABLE "users" ADD "totp_secret" TEXT NULL;
ALTER TABLE "users" ADD "two_factor_enabled" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "users" ADD "totp_last_step" INTEGER NULL;
ALTER TABLE "users" ADD "recovery_codes" TEXT NOT NULL DEFAULT '';
