// npm run keys -- create --name NAME --tier free|pro|enterprise [--env test|live] [--account NAME] [--scopes a,b] [--json]
//                 list [--json]
//                 revoke <key id or display prefix>
//                 plan --account NAME --tier free|pro|enterprise   (highest tier the account may self-serve)
import { parseArgs } from "node:util";
import { Redis } from "@upstash/redis";
import { isTier, SCOPES } from "@traceo/api-keys";
import { markKeysRevoked } from "@traceo/gateway";
import { createApiKeyRow, listApiKeys, revokeApiKey } from "./api-key-admin.ts";
import { DEFAULT_DATABASE_URL, openNodeDatabase } from "./node-database.ts";
import { readSetting, redactedDatabaseUrl } from "./settings.ts";

const USAGE = `usage:
  npm run keys -- create --name NAME --tier free|pro|enterprise [--env test|live] [--account NAME] [--scopes ${SCOPES.join(",")}] [--json]
  npm run keys -- list [--json]
  npm run keys -- revoke <key id or display prefix>
  npm run keys -- plan --account NAME --tier free|pro|enterprise`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string" },
    tier: { type: "string", default: "free" },
    env: { type: "string" },
    account: { type: "string", default: "default" },
    scopes: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`keys: ${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const [command, target] = positionals;
  const handle = await openNodeDatabase(readSetting("DATABASE_URL") ?? DEFAULT_DATABASE_URL);
  try {
    if (command === "create") {
      if (!values.name) fail("--name is required");
      if (!isTier(values.tier)) fail(`unknown tier "${values.tier}"`);
      const environment = values.env ?? readSetting("API_KEY_ENV") ?? "test";
      if (environment !== "test" && environment !== "live") fail(`--env must be test or live`);
      const scopes = values.scopes?.split(",").map((s) => s.trim());
      const bad = scopes?.filter((s) => !(SCOPES as readonly string[]).includes(s));
      if (bad?.length) fail(`unknown scope(s): ${bad.join(", ")}`);
      const created = await createApiKeyRow(handle.db, { name: values.name, tier: values.tier, account: values.account, environment, ...(scopes ? { scopes } : {}) });
      if (values.json) console.log(JSON.stringify(created));
      else console.log(`Created ${created.tier} key "${created.name}" (${created.id}) for account ${created.account}.\nThis is the only time the key is shown:\n\n  ${created.key}\n`);
    } else if (command === "list") {
      const rows = await listApiKeys(handle.db);
      if (values.json) console.log(JSON.stringify(rows));
      else for (const r of rows) console.log([r.id, r.display_prefix + "…", r.tier, r.name, r.account, r.revoked_at ? "revoked" : "active"].join("\t"));
    } else if (command === "revoke") {
      if (!target) fail("revoke needs a key id or display prefix");
      const hashes = await revokeApiKey(handle.db, target);
      if (hashes.length === 0) fail(`no active key matches "${target}"`);
      await dropCachedKeys(hashes);
      console.log(`revoked ${hashes.length} key(s)`);
    } else if (command === "plan") {
      if (!isTier(values.tier)) fail(`unknown tier "${values.tier}"`);
      const updated = await handle.db.updateTable("accounts").set({ plan: values.tier }).where("name", "=", values.account).executeTakeFirst();
      if (updated.numUpdatedRows === 0n) fail(`no account named "${values.account}"`);
      console.log(`account ${values.account} may now create keys up to the ${values.tier} tier`);
    } else fail(command ? `unknown command "${command}"` : "missing command");
  } finally {
    await handle.close();
  }
}

// The API caches key records in Redis for a minute; drop them so revocation takes effect now.
async function dropCachedKeys(hashes: string[]): Promise<void> {
  const url = readSetting("UPSTASH_REDIS_REST_URL");
  const token = readSetting("UPSTASH_REDIS_REST_TOKEN");
  if (!url || !token) return console.warn("keys: no Upstash settings; cached copies expire within 60 s.");
  try {
    await markKeysRevoked(new Redis({ url, token, retry: false }), hashes);
  } catch {
    console.warn("keys: Redis not reachable; cached copies expire within 60 s.");
  }
}

main().catch((err) => {
  console.error(`keys: ${err instanceof Error ? err.message : String(err)}`);
  console.error(`keys: database ${redactedDatabaseUrl()} (DATABASE_URL, else .dev.vars as the last \`npm run dev\` left it); is it running?`);
  process.exit(1);
});
