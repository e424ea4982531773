export type { Database, AccountsTable, ApiKeysTable, ReportsTable } from "./schema.ts";
export { openDatabase, type DatabaseHandle, type DatabaseSettings } from "./connect.ts";
export { newId, type IdPrefix } from "./ids.ts";
export { findApiKeyByHash, findOrCreateAccount, insertApiKey, listApiKeys, revokeApiKey, touchApiKey, type ApiKeyRecord, type NewApiKeyRow } from "./api-keys-repo.ts";
export { insertReport } from "./reports-repo.ts";
export { ENCRYPTED_COLUMNS, type EncryptedColumn } from "./encrypted-columns.ts";
