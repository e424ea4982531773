-- Encrypted report fields. Each holds a @traceo/crypto envelope (packages/crypto/README.md):
-- version 0x01 | key id length | key id | 12-byte IV | ciphertext | 16-byte tag, AES-256-GCM under a
-- per-row key. The key id is readable without decrypting, so rotation can find rows still on an old key.

-- The key id of an envelope, or NULL when the bytes are not an envelope. IMMUTABLE so it may back
-- CHECKs and indexes; CASE evaluates in order, so get_byte never reads past the end.
CREATE FUNCTION traceo_envelope_key_id(envelope bytea) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN octet_length(envelope) < 2 THEN NULL
      WHEN get_byte(envelope, 0) <> 1 OR get_byte(envelope, 1) = 0 THEN NULL
      WHEN octet_length(envelope) < 2 + get_byte(envelope, 1) + 12 + 16 THEN NULL
      ELSE encode(substring(envelope FROM 3 FOR get_byte(envelope, 1)), 'escape')
    END
  $$;

-- The CHECKs refuse anything that is not an envelope, so plaintext cannot land here by mistake.
ALTER TABLE reports
  ADD COLUMN raw_message_enc bytea
    CONSTRAINT reports_raw_message_enc_is_envelope CHECK (raw_message_enc IS NULL OR traceo_envelope_key_id(raw_message_enc) IS NOT NULL),
  ADD COLUMN sender_address_enc bytea
    CONSTRAINT reports_sender_address_enc_is_envelope CHECK (sender_address_enc IS NULL OR traceo_envelope_key_id(sender_address_enc) IS NOT NULL);
