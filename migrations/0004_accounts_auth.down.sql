DROP TABLE backup_codes;
DROP TABLE login_challenges;
DROP TABLE refresh_tokens;
DROP TABLE auth_sessions;
DROP TABLE users;
