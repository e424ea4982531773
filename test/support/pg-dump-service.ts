// Test-only: runs the real `pg_dump` for a Workers test, which cannot spawn processes itself.
// Started by test/global-setup.ts per test database on 127.0.0.1 (random port, random bearer
// token); `POST /dump` answers the plain-SQL dump of that one database, schema and data.
// pg_dump comes from $PG_DUMP, else PATH (Debian: /usr/bin/pg_dump, the pg_wrapper, picks the
// newest installed client, which must be >= the server's major version: 15 on CI).
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface PgDumpService {
  url: string;
  token: string;
  close(): Promise<void>;
}

const MAX_DUMP_BYTES = 512 * 1024 * 1024;

export async function startPgDumpService(databaseUrl: string): Promise<PgDumpService> {
  const token = crypto.randomUUID();
  const binary = process.env.PG_DUMP ?? "pg_dump";
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/dump" || req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(404).end();
      return;
    }
    execFile(binary, ["--dbname", databaseUrl, "--no-owner", "--no-privileges"], { maxBuffer: MAX_DUMP_BYTES, encoding: "buffer" }, (err, stdout, stderr) => {
      if (err) {
        res.writeHead(500, { "content-type": "text/plain" }).end(`${binary} failed: ${err.message}\n${stderr.toString()}`);
        return;
      }
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "x-pg-dump-stderr": String(stderr.length) }).end(stdout);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dump`,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
