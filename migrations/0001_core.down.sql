DROP TABLE reports;
DROP TABLE api_keys;
DROP TABLE accounts;
