import { EmbeddedRedis } from './embedded-redis/embedded-redis.ts';
import { RedisError } from './embedded-redis/replies.ts';
import type { CommandOutcome, RedisArg, RedisBackend, RedisCommand } from './redis-backend.ts';
import { toBackendValue } from './embedded-redis/to-backend-value.ts';

/** RedisBackend over the in-memory EmbeddedRedis (no server needed). Data is lost when the process ends. */
export function createEmbeddedRedisBackend(redis = new EmbeddedRedis()): RedisBackend {
  const run = (c: RedisCommand): CommandOutcome => {
    try {
      return { ok: true, value: toBackendValue(redis.call(c.name, c.args.map(toBuffer))) };
    } catch (error) {
      if (error instanceof RedisError) return { ok: false, error: error.message };
      throw error;
    }
  };
  return {
    async call(command: string, args: RedisArg[]) {
      const outcome = run({ name: command, args });
      if (!outcome.ok) throw new RedisError(outcome.error);
      return outcome.value;
    },
    async pipeline(commands: RedisCommand[]) {
      return commands.map(run);
    },
    async multi(commands: RedisCommand[]) {
      // Like Redis: a command refused while queueing discards the whole transaction.
      for (const c of commands) {
        if (redis.validate(c.name, c.args.map(toBuffer))) {
          throw new RedisError('EXECABORT Transaction discarded because of previous errors.');
        }
      }
      return commands.map(run); // synchronous: nothing else runs in between
    },
    async close() {
      redis.close();
    },
  };
}

function toBuffer(arg: RedisArg): Buffer {
  return typeof arg === 'string' ? Buffer.from(arg, 'utf8') : arg;
}
