// Differential test: the same command sequences on the real Redis 7.0 (127.0.0.1:6379) and on the
// embedded store must give the same replies, errors included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedRedisBackend } from '../embedded-redis-backend.ts';
import { createRealRedisBackend } from '../real-redis-backend.ts';
import type { RedisBackend } from '../redis-backend.ts';

const P = `test:parity:${process.pid}:${Date.now()}:`;
let real: RedisBackend;
let embedded: RedisBackend;

beforeAll(() => {
  real = createRealRedisBackend(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  embedded = createEmbeddedRedisBackend();
});
afterAll(async () => {
  const [, keys] = (await real.call('scan', ['0', 'match', `${P}*`, 'count', '10000'])) as [Buffer, Buffer[]];
  if (keys.length > 0) await real.call('del', keys);
  await real.close();
  await embedded.close();
});

async function outcome(backend: RedisBackend, command: string[]): Promise<unknown> {
  try {
    return normalise(await backend.call(command[0]!, command.slice(1)));
  } catch (error) {
    // Redis 7.0 appends script locations after "script:"; compare the error itself.
    return { error: (error as Error).message.replace(/ script: .*$/s, '') };
  }
}

function normalise(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  if (Array.isArray(value)) return value.map(normalise);
  if (value instanceof Error) return { nestedError: value.message };
  return value;
}

async function expectSameReplies(commands: string[][]): Promise<void> {
  for (const command of commands) {
    const expected = await outcome(real, command);
    expect({ command, reply: await outcome(embedded, command) }).toEqual({ command, reply: expected });
  }
}

describe('embedded Redis matches Redis 7.0', () => {
  it('strings, counters and SET options (any case)', async () => {
    const k = `${P}str`;
    await expectSameReplies([
      ['GET', k], ['SET', k, 'v'], ['GET', k], ['set', k, 'w', 'nx'], ['set', k, 'w', 'xx', 'get'], ['GET', k],
      ['SET', k, 'x', 'px', '100000'], ['TTL', k], ['SET', k, 'y', 'KEEPTTL'], ['TTL', k], ['SET', k, 'z'], ['TTL', k],
      ['SET', k, 'a', 'nx', 'xx'], ['SET', k, 'a', 'ex', '0'], ['SET', k, 'a', 'ex', 'soon'], ['SET', k, 'a', 'bogus'],
      ['INCR', k], ['INCRBY', `${k}:n`, '5'], ['DECRBY', `${k}:n`, '7'], ['DECR', `${k}:n`], ['INCRBY', `${k}:n`, '1.5'],
      ['INCRBYFLOAT', `${k}:f`, '10.5'], ['INCRBYFLOAT', `${k}:f`, '0.1'], ['INCRBYFLOAT', `${k}:f`, 'x'],
      ['APPEND', `${k}:a`, 'ab'], ['APPEND', `${k}:a`, 'cd'], ['STRLEN', `${k}:a`], ['GETSET', `${k}:a`, 'new'], ['GETDEL', `${k}:a`],
      ['MSET', `${k}:m1`, '1', `${k}:m2`, '2'], ['MGET', `${k}:m1`, `${k}:missing`, `${k}:m2`], ['MSET', `${k}:m1`],
      ['SETNX', `${k}:nx`, '1'], ['SETNX', `${k}:nx`, '2'], ['GET', `${k}:nx`], ['SETEX', `${k}:ex`, '100', 'v'], ['TTL', `${k}:ex`],
      ['PSETEX', `${k}:px`, '0', 'v'], ['GET'], ['NOSUCHCMD', 'a'],
    ]);
  });

  it('keys, expiry and types', async () => {
    const k = `${P}keys`;
    await expectSameReplies([
      ['SET', k, '1'], ['EXISTS', k, k, `${k}:none`], ['TYPE', k], ['TYPE', `${k}:none`], ['PTTL', k], ['PTTL', `${k}:none`],
      ['EXPIRE', k, '100', 'NX'], ['EXPIRE', k, '50', 'GT'], ['EXPIRE', k, '50', 'LT'], ['TTL', k], ['EXPIRE', k, '10', 'NX'],
      ['PERSIST', k], ['TTL', k], ['PERSIST', k], ['PEXPIRE', k, '-1'], ['EXISTS', k], ['EXPIRE', `${k}:none`, '10'],
      ['SET', `${k}:b`, '1'], ['DEL', `${k}:b`, `${k}:none`], ['UNLINK', `${k}:b`], ['EXPIRE', k, 'x'],
    ]);
  });

  it('hashes, sets, lists and sorted sets, with WRONGTYPE', async () => {
    const k = `${P}coll`;
    await expectSameReplies([
      ['HSET', `${k}:h`, 'a', '1', 'b', '2'], ['HSET', `${k}:h`, 'a', '3'], ['HGET', `${k}:h`, 'a'], ['HMGET', `${k}:h`, 'a', 'x', 'b'],
      ['HGETALL', `${k}:h`], ['HINCRBY', `${k}:h`, 'b', '10'], ['HINCRBYFLOAT', `${k}:h`, 'b', '0.5'], ['HINCRBY', `${k}:h`, 'b', '1'],
      ['HSETNX', `${k}:h`, 'a', 'z'], ['HLEN', `${k}:h`], ['HEXISTS', `${k}:h`, 'a'], ['HKEYS', `${k}:h`], ['HVALS', `${k}:h`],
      ['HDEL', `${k}:h`, 'a', 'b', 'c'], ['EXISTS', `${k}:h`], ['HSET', `${k}:h`, 'odd'], ['GET', `${k}:h`],
      ['SADD', `${k}:s`, 'x', 'y', 'x'], ['SISMEMBER', `${k}:s`, 'y'], ['SMISMEMBER', `${k}:s`, 'x', 'q'], ['SCARD', `${k}:s`],
      ['SREM', `${k}:s`, 'x', 'y'], ['EXISTS', `${k}:s`], ['INCR', `${k}:h2`], ['SADD', `${k}:h2`, 'a'],
      ['RPUSH', `${k}:l`, 'a', 'b', 'c'], ['LPUSH', `${k}:l`, 'z', 'y'], ['LRANGE', `${k}:l`, '0', '-1'], ['LRANGE', `${k}:l`, '-2', '10'],
      ['LRANGE', `${k}:l`, '3', '1'], ['LPOP', `${k}:l`], ['RPOP', `${k}:l`, '2'], ['LLEN', `${k}:l`], ['LTRIM', `${k}:l`, '1', '-1'],
      ['LRANGE', `${k}:l`, '0', '-1'], ['LPOP', `${k}:none`], ['LPOP', `${k}:none`, '2'],
      ['ZADD', `${k}:z`, '2', 'b', '1', 'a', '1', 'c'], ['ZADD', `${k}:z`, 'CH', '5', 'a'], ['ZADD', `${k}:z`, 'NX', '9', 'a'],
      ['ZADD', `${k}:z`, 'GT', '1', 'a'], ['ZSCORE', `${k}:z`, 'a'], ['ZRANGE', `${k}:z`, '0', '-1', 'WITHSCORES'],
      ['ZRANGEBYSCORE', `${k}:z`, '(1', '+inf', 'WITHSCORES'], ['ZRANGEBYSCORE', `${k}:z`, '-inf', '5', 'LIMIT', '1', '1'],
      ['ZCOUNT', `${k}:z`, '1', '2'], ['ZINCRBY', `${k}:z`, '0.25', 'b'], ['ZREMRANGEBYSCORE', `${k}:z`, '-inf', '(5'], ['ZCARD', `${k}:z`],
      ['ZREM', `${k}:z`, 'a'], ['EXISTS', `${k}:z`], ['ZADD', `${k}:z`, 'x', 'a'], ['ZADD', `${k}:z`, '1'],
    ]);
  });

  it('KEYS and SCAN with glob patterns', async () => {
    const k = `${P}glob:`;
    for (const suffix of ['a1', 'a2', 'b1', 'a[x]', 'h?llo', 'hello']) await Promise.all([real, embedded].map((r) => r.call('SET', [`${k}${suffix}`, '1'])));
    for (const pattern of ['a*', '?1', 'a[12]', 'a\\[x\\]', '[^a]1', 'h\\?llo', 'h?llo', '[a-b]1']) {
      const [r, e] = await Promise.all([real, embedded].map(async (backend) => ((await outcome(backend, ['KEYS', `${k}${pattern}`])) as string[]).sort()));
      expect({ pattern, keys: e }).toEqual({ pattern, keys: r });
    }
  });

  it('Lua conversions both ways, errors, pcall and script commands', async () => {
    const k = `${P}lua`;
    await expectSameReplies([
      ['EVAL', 'return 3.99', '0'], ['EVAL', 'return -3.99', '0'], ['EVAL', 'return false', '0'], ['EVAL', 'return true', '0'],
      ['EVAL', 'return nil', '0'], ['EVAL', "return {1, 'two', {3, false}, nil, 5}", '0'], ['EVAL', "return {ok='FINE'}", '0'],
      ['EVAL', "return {err='MYERR custom'}", '0'], ['EVAL', "return redis.error_reply('E2 bad')", '0'], ['EVAL', "return redis.status_reply('S')", '0'],
      ['EVAL', "redis.call('SET', KEYS[1], 10/4) return redis.call('GET', KEYS[1])", '1', k],
      ['EVAL', "redis.call('SET', KEYS[1], 10/2) return redis.call('GET', KEYS[1])", '1', k],
      ['EVAL', "redis.call('SET', KEYS[1], 2^40) return redis.call('GET', KEYS[1])", '1', k],
      ['EVAL', "redis.call('SET', KEYS[1], 1/3) return redis.call('GET', KEYS[1])", '1', k],
      ['EVAL', "return redis.call('SET', KEYS[1], 'x')", '1', k], ['EVAL', "return redis.call('GET', KEYS[1] .. 'missing')", '1', k],
      ['EVAL', "return type(redis.call('GET', KEYS[1] .. 'missing'))", '1', k],
      ['EVAL', "return redis.call('INCR', KEYS[1])", '1', k], ['EVAL', "return redis.pcall('INCR', KEYS[1])", '1', k],
      ['EVAL', "local r = redis.pcall('INCR', KEYS[1]) return type(r) .. ':' .. r.err", '1', k],
      ['EVAL', "return redis.call('SET', KEYS[1], {})", '1', k], ['EVAL', "return #KEYS + #ARGV * 10", '2', 'a', 'b', 'c'],
      ['EVAL', 'return ARGV[1] .. ARGV[2]', '0', 'x', 'y'], ['EVAL', "return tonumber('1796317958513') % 60000", '0'],
      ['EVAL', "return math.floor(1796317958513 / 1000)", '0'], ['EVAL', 'return unpack({7, 8})', '0'],
      ['EVAL', "return redis.sha1hex('abc')", '0'], ['EVAL', 'return 1', '2', 'a'], ['EVAL', 'return 1', '-1'],
      ['EVAL', "return redis.call('EVAL', 'return 1', '0')", '0'],
      ['SCRIPT', 'LOAD', 'return 42'], ['EVALSHA', '1fa00e76656cc152ad327c13fe365858fd7be306', '0'], ['SCRIPT', 'EXISTS', '1fa00e76656cc152ad327c13fe365858fd7be306', '0000000000000000000000000000000000000000'],
      ['EVALSHA', '0000000000000000000000000000000000000000', '0'],
    ]);
  });

  it('compile errors name the line (the parser texts differ: Lua 5.1 there, 5.3 here)', async () => {
    for (const backend of [real, embedded]) {
      expect(await outcome(backend, ['EVAL', 'x = 1\nthis is not lua', '0'])).toEqual({
        error: expect.stringMatching(/^ERR Error compiling script \(new function\): user_script:2: .* near 'is'$/),
      });
    }
  });

  it('Lua error messages carry the script line', async () => {
    const [r, e] = await Promise.all([real, embedded].map((backend) => outcome(backend, ['EVAL', "local a = 1\nerror('boom')", '0'])));
    expect(e).toEqual(r);
    expect(r).toEqual({ error: 'ERR user_script:2: boom' });
  });
});
