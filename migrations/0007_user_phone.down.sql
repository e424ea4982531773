ALTER TABLE users DROP COLUMN phone_enc;
