-- An optional phone number per user, E.164 (`+` and 7-15 digits, normalised by functions/auth),
-- stored only as a @traceo/crypto envelope bound to (users, phone_enc, id); see 0002 for the format.
-- No blind index: nothing looks a user up by phone.
ALTER TABLE users
  ADD COLUMN phone_enc bytea
    CONSTRAINT users_phone_enc_is_envelope CHECK (phone_enc IS NULL OR traceo_envelope_key_id(phone_enc) IS NOT NULL);
