// npm run reports:reindex            index reports not indexed under the primary key: those written
//                                    before migration 0008 (text parsed from the encrypted raw message)
//                                    and those blinded under an old key
// npm run reports:reindex -- --all   rebuild every report's search fields (e.g. after a tokeniser change)
// Options: --batch-size N (default 200). Reads TRACEO_ENCRYPTION_KEYS and DATABASE_URL from the
// environment, then .dev.vars. Safe to kill at any point and run again.
import { parseArgs } from "node:util";
import { KeyringError, loadKeyring } from "@traceo/crypto";
import { nodeCryptoEngine } from "@traceo/crypto/node-engine";
import { DEFAULT_DATABASE_URL, openNodeDatabase } from "./node-database.ts";
import { reindexReports } from "./report-reindex.ts";
import { readSetting } from "./settings.ts";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { all: { type: "boolean", default: false }, "batch-size": { type: "string", default: "200" } } });
  const batchSize = Number(values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    console.error("reports:reindex: --batch-size must be an integer from 1 to 10000\nusage: npm run reports:reindex [-- --all] [-- --batch-size N]");
    return 2;
  }
  const keyring = loadKeyring(readSetting("TRACEO_ENCRYPTION_KEYS"), { engine: nodeCryptoEngine });
  const handle = await openNodeDatabase(readSetting("DATABASE_URL") ?? DEFAULT_DATABASE_URL);
  try {
    const started = Date.now();
    const result = await reindexReports(handle.db, keyring, { scope: values.all ? "all" : "stale", batchSize, log: (line) => console.log(line) });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`done: indexed ${result.rows} report(s) (${result.fromRaw} from the raw message) under key "${keyring.primaryKeyId}" in ${seconds}s; ${result.left} left`);
    if (result.left > 0) console.error("reports:reindex: some reports were locked by other transactions or written under an old key meanwhile; run again");
    return result.left > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof KeyringError || (err instanceof Error && err.name === "DecryptionError");
    console.error(`reports:reindex: ${known ? (err as Error).message : err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
