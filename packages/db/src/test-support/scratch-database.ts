// Test-only helper (imports @traceo/ops, which depends on this package; never import it from src code): a fresh, migrated database on the local Postgres, dropped afterwards.
import type { DatabaseHandle } from "../connect.ts";
import { LOCAL_ADMIN_DATABASE_URL as ADMIN, migrateUp, MIGRATIONS_DIR, openNodeDatabase, runAsAdmin as admin } from "@traceo/ops";

export interface ScratchDatabase {
  url: string;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const name = `traceo_${label}_${process.pid}`;
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  const handle = await openNodeDatabase(url.toString());
  await migrateUp(handle.db, MIGRATIONS_DIR);
  return {
    url: url.toString(),
    handle,
    drop: async () => {
      await handle.close();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
