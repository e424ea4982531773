// Default import: the named one is lost when Vite loads this file (vitest globalSetup).
import Redis from 'ioredis';
import type { CommandOutcome, RedisArg, RedisBackend, RedisCommand } from './redis-backend.ts';

/**
 * RedisBackend over a real Redis server. One connection serves every request: ioredis pipelines
 * concurrent commands and writes each MULTI..EXEC block contiguously, so transactions stay intact.
 */
export function createRealRedisBackend(url = 'redis://127.0.0.1:6379'): RedisBackend {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, enableAutoPipelining: false });
  // Without a listener ioredis prints every reconnect error; callers see failures through their promises.
  redis.on('error', () => {});

  return {
    call: (command: string, args: RedisArg[]) => redis.callBuffer(rawName(command), ...args),
    async pipeline(commands: RedisCommand[]) {
      const pipe = redis.pipeline();
      for (const c of commands) pipe.callBuffer(rawName(c.name), ...c.args);
      return toOutcomes((await pipe.exec()) ?? []);
    },
    async multi(commands: RedisCommand[]) {
      const tx = redis.multi();
      for (const c of commands) tx.callBuffer(rawName(c.name), ...c.args);
      const results = await tx.exec();
      if (results === null) throw new Error('EXECABORT Transaction discarded because a watched key changed.');
      return toOutcomes(results);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * ioredis reshapes some replies by exact lower-case command name (HGETALL becomes an object); the
 * adapter needs the reply exactly as Redis sent it, and Redis itself ignores the name's case.
 */
function rawName(command: string): string {
  return command.toUpperCase();
}

function toOutcomes(results: [Error | null, unknown][]): CommandOutcome[] {
  return results.map(([error, value]) => (error ? { ok: false, error: error.message } : { ok: true, value }));
}
