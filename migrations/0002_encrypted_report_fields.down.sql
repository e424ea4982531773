-- Drops the encrypted copies (the decrypted values are not recoverable after this).
ALTER TABLE reports DROP COLUMN sender_address_enc, DROP COLUMN raw_message_enc;
DROP FUNCTION traceo_envelope_key_id(bytea);
