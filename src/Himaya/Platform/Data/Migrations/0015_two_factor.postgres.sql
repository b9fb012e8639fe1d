-- 0015: two-factor sign-in (TOTP): the encrypted secret, whether it is on, the last accepted step, hashed recovery codes.
ALTER TABLE users ADD totp_secret character varying(512);
ALTER TABLE users ADD two_factor_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD totp_last_step bigint;
ALTER TABLE users ADD recovery_codes character varying(1000) NOT NULL DEFAULT '';
