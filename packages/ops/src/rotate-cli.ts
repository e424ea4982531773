// npm run keys:rotate                          re-encrypt every encrypted column to the primary key,
//                                              then re-blind reports' search tokens keyed by an old key
// npm run keys:rotate -- --check               rows per key id, per encrypted column
// npm run keys:rotate -- --check-removable ID  exit 0 only if no data still needs key ID
// Options: --batch-size N (default 500). Reads TRACEO_ENCRYPTION_KEYS and DATABASE_URL from the
// environment, then .dev.vars. Safe to kill at any point and run again.
import { parseArgs } from "node:util";
import { KeyringError, loadKeyring, type Keyring } from "@traceo/crypto";
import { nodeCryptoEngine } from "@traceo/crypto/node-engine";
import { keyUsage, missingKeys, removalBlocker, rotateToPrimary, RotationError, SEARCH_INDEX_USAGE, type KeyUsage } from "./key-rotation.ts";
import { countUnindexed, reindexReports } from "./report-reindex.ts";
import { DEFAULT_DATABASE_URL, openNodeDatabase } from "./node-database.ts";
import { readSetting } from "./settings.ts";

const USAGE = `usage:
  npm run keys:rotate [-- --batch-size N]
  npm run keys:rotate -- --check
  npm run keys:rotate -- --check-removable KEY_ID`;

class UsageError extends Error {}

function parse() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { check: { type: "boolean", default: false }, "check-removable": { type: "string" }, "batch-size": { type: "string", default: "500" } },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const batchSize = Number(values["batch-size"]);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new UsageError("--batch-size must be an integer from 1 to 10000");
    return { check: values.check, removable: values["check-removable"], batchSize };
  } catch (err) {
    throw err instanceof UsageError ? err : new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function printUsage(usage: KeyUsage[], keyring: Keyring): void {
  if (usage.length === 0) return console.log("no encrypted values stored");
  for (const u of usage) {
    const index = u.column === SEARCH_INDEX_USAGE.column;
    const note = u.keyId === keyring.primaryKeyId ? " (primary)" : keyring.has(u.keyId) ? " (old key: rotate)" : index ? " (key gone: rotate to re-blind)" : " (NOT IN KEYRING)";
    console.log(`${u.table}.${u.column}\t${u.keyId}\t${u.rows}${note}`);
  }
  const perKey = new Map<string, number>();
  for (const u of usage) perKey.set(u.keyId, (perKey.get(u.keyId) ?? 0) + u.rows);
  console.log(`per key: ${[...perKey].map(([id, n]) => `${id} ${n}`).join(", ")}`);
}

async function main(): Promise<number> {
  const args = parse();
  // node:crypto primitives: same bytes as WebCrypto (tested), without a thread hop per call.
  const keyring = loadKeyring(readSetting("TRACEO_ENCRYPTION_KEYS"), { engine: nodeCryptoEngine });
  const handle = await openNodeDatabase(readSetting("DATABASE_URL") ?? DEFAULT_DATABASE_URL);
  try {
    if (args.check) {
      const usage = await keyUsage(handle.db);
      printUsage(usage, keyring);
      const missing = missingKeys(keyring, usage);
      if (missing.length) console.error(`keys:rotate: key(s) ${missing.join(", ")} protect data but are not in the keyring`);
      return missing.length ? 1 : 0;
    }
    if (args.removable !== undefined) {
      const blocker = removalBlocker(keyring, args.removable, await keyUsage(handle.db));
      if (blocker) {
        console.error(`keys:rotate: refusing: key ${blocker}`);
        return 1;
      }
      console.log(`key "${args.removable}" protects no data; it can be removed from TRACEO_ENCRYPTION_KEYS`);
      return 0;
    }
    const started = Date.now();
    const result = await rotateToPrimary(handle.db, keyring, { batchSize: args.batchSize, log: (line) => console.log(line) });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`done: re-encrypted ${result.fieldsRotated} field(s) in ${result.rowsRotated} row(s) to key "${keyring.primaryKeyId}" in ${seconds}s; ${result.fieldsLeft} field(s) left on other keys`);
    // The reports' blind search tokens are keyed too: re-blind those under an old key from their (now rotated) envelopes.
    const reindexed = await reindexReports(handle.db, keyring, { scope: "rotated", log: (line) => console.log(`search index: ${line}`) });
    if (reindexed.rows > 0 || reindexed.left > 0) console.log(`search index: re-blinded ${reindexed.rows} report(s); ${reindexed.left} left on other keys`);
    const unindexed = await countUnindexed(handle.db, keyring, "stale");
    if (unindexed > reindexed.left) console.log(`search index: ${unindexed - reindexed.left} report(s) were never indexed (written before migration 0008): run npm run reports:reindex`);
    printUsage(await keyUsage(handle.db), keyring);
    if (result.fieldsLeft > 0 || reindexed.left > 0) {
      console.error("keys:rotate: some rows stayed locked by other transactions, or were written under an old key meanwhile (is every instance deployed with the new primary?); run again");
      return 1;
    }
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`keys:rotate: ${err.message}\n${USAGE}`);
      process.exit(2);
    }
    const known = err instanceof KeyringError || err instanceof RotationError || (err instanceof Error && err.name === "DecryptionError");
    console.error(`keys:rotate: ${known ? (err as Error).message : err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
