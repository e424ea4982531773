// Shared test suite: the Upstash adapter must behave the same over every RedisBackend.
import { createHash } from 'node:crypto';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisBackend } from './redis-backend.ts';
import { startUpstashAdapter, type UpstashAdapter } from './upstash-redis-adapter.ts';

const TOKEN = 'contract-token-0123456789';

export function describeUpstashAdapterContract(backendName: string, makeBackend: () => Promise<RedisBackend> | RedisBackend): void {
  describe(`Upstash adapter over ${backendName}`, () => {
    let backend: RedisBackend;
    let adapter: UpstashAdapter;
    let redis: Redis;
    // Unique per run so parallel runs and leftovers never collide; every key below starts with it.
    const prefix = `test:local-dev:${backendName}:${process.pid}:${Date.now()}:`;

    beforeAll(async () => {
      backend = await makeBackend();
      adapter = await startUpstashAdapter({ token: TOKEN, backend });
      redis = client();
    });
    afterAll(async () => {
      await deleteByPrefix(redis, prefix);
      await adapter.close();
      await backend.close();
    });

    function client(options: { token?: string; base64?: boolean; deserialize?: boolean } = {}): Redis {
      return new Redis({
        url: adapter.url,
        token: options.token ?? TOKEN,
        responseEncoding: options.base64 === false ? false : 'base64',
        automaticDeserialization: options.deserialize ?? false,
        enableTelemetry: false,
        retry: false,
      });
    }

    async function raw(path: string, body: unknown, headers: Record<string, string> = {}) {
      const res = await fetch(`${adapter.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    }

    it('sets and gets a value; a missing key reads as null', async () => {
      expect(await redis.set(`${prefix}plain`, 'hello')).toBe('OK');
      expect(await redis.get(`${prefix}plain`)).toBe('hello');
      expect(await redis.get(`${prefix}missing`)).toBeNull();
    });

    it.each([
      ['unicode and emoji', 'héllo wörld ✓ 🎣 日本語'],
      ['control characters and NUL', 'a\u0000b\u0001c\n\r\t"quoted"\\'],
      ['the literal text OK', 'OK'],
      ['text that looks like base64', 'T0s='],
      ['an empty string', ''],
      ['a JSON document', '{"a":[1,2,{"b":null}]}'],
    ])('round-trips %s with and without base64 encoding', async (_label, value) => {
      for (const base64 of [true, false]) {
        const c = client({ base64 });
        await c.set(`${prefix}value`, value);
        expect(await c.get(`${prefix}value`)).toBe(value);
      }
    });

    it('answers base64 strings on the wire when asked, except a top-level OK', async () => {
      const key = `${prefix}wire`;
      expect(await raw('/', ['SET', key, 'héllo'], { 'upstash-encoding': 'base64' })).toEqual({ status: 200, body: { result: 'OK' } });
      expect(await raw('/', ['GET', key], { 'upstash-encoding': 'base64' })).toEqual({
        status: 200,
        body: { result: Buffer.from('héllo').toString('base64') },
      });
      expect(await raw('/', ['GET', key])).toEqual({ status: 200, body: { result: 'héllo' } });
      expect(await raw('/', ['INCR', `${prefix}counter`], { 'upstash-encoding': 'base64' })).toEqual({ status: 200, body: { result: 1 } });
      expect(await raw('/', ['RPUSH', `${prefix}list`, 'OK', 'x'])).toEqual({ status: 200, body: { result: 2 } });
      // Inside arrays even "OK" is encoded: the client base64-decodes every array element.
      expect(await raw('/', ['LRANGE', `${prefix}list`, '0', '-1'], { 'upstash-encoding': 'base64' })).toEqual({
        status: 200,
        body: { result: ['T0s=', 'eA=='] },
      });
    });

    it('accepts numbers and booleans as arguments, as the client sends them', async () => {
      expect(await raw('/', ['SET', `${prefix}num`, 12.5])).toEqual({ status: 200, body: { result: 'OK' } });
      expect(await raw('/', ['INCRBYFLOAT', `${prefix}num`, 1])).toEqual({ status: 200, body: { result: '13.5' } });
    });

    it('returns hashes and sorted sets the client can read', async () => {
      const typed = client({ deserialize: true });
      await typed.hset(`${prefix}hash`, { a: '1', b: 'two' });
      expect(await typed.hgetall(`${prefix}hash`)).toEqual({ a: 1, b: 'two' });
      expect(await redis.hgetall(`${prefix}hash`)).toEqual(['a', '1', 'b', 'two']);
      await typed.zadd(`${prefix}zset`, { score: 2, member: 'b' }, { score: 1.5, member: 'a' });
      expect(await typed.zrange(`${prefix}zset`, 0, -1, { withScores: true })).toEqual(['a', 1.5, 'b', 2]);
    });

    it('runs a pipeline in order, reporting each command’s own error', async () => {
      const key = `${prefix}pipe`;
      const results = await redis
        .pipeline()
        .set(key, 'word')
        .get(key)
        .incr(key)
        .set(`${key}:n`, 5)
        .incr(`${key}:n`)
        .exec({ keepErrors: true });
      expect(results.map((r) => r.result)).toEqual(['OK', 'word', undefined, 'OK', 6]);
      expect(results[2]?.error).toMatch(/^ERR value is not an integer/);
      expect(results.filter((r) => r.error).length).toBe(1);
    });

    it('runs multi-exec as a transaction', async () => {
      const key = `${prefix}tx`;
      const results = await redis.multi().set(key, 'a').append(key, 'bc').get(key).exec();
      expect(results).toEqual(['OK', 3, 'abc']);
    });

    it('discards a whole transaction when a command is refused at queue time', async () => {
      const key = `${prefix}tx-abort`;
      const response = await raw('/multi-exec', [['SET', key, 'x'], ['NOSUCHCOMMAND', 'y']]);
      expect(response.status).toBe(400);
      expect((response.body as { error: string }).error).toMatch(/^EXECABORT/);
      expect(await redis.get(key)).toBeNull();
    });

    it('reports Redis errors as Upstash does (HTTP 400, {"error"})', async () => {
      await redis.set(`${prefix}str`, 'x');
      await expect(redis.lpush(`${prefix}str`, 'y')).rejects.toThrow(/WRONGTYPE/);
      const response = await raw('/', ['GET']);
      expect(response.status).toBe(400);
      expect((response.body as { error: string }).error).toMatch(/^ERR wrong number of arguments/);
    });

    it('refuses requests without the right Bearer token', async () => {
      for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
        const res = await fetch(adapter.url, {
          method: 'POST',
          headers: authorization ? { authorization } : {},
          body: JSON.stringify(['SET', `${prefix}unauth`, '1']),
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: 'Unauthorized' });
      }
      await expect(client({ token: 'wrong-token' }).get(`${prefix}plain`)).rejects.toThrow(/Unauthorized/);
      expect(await redis.get(`${prefix}unauth`)).toBeNull();
    });

    it('refuses commands that would disturb the shared connection', async () => {
      for (const command of [['SELECT', '1'], ['SUBSCRIBE', 'c'], ['BLPOP', `${prefix}q`, '0'], ['MULTI']]) {
        const response = await raw('/', command);
        expect(response.status).toBe(400);
        expect((response.body as { error: string }).error).toMatch(/not supported/);
      }
      expect(await redis.set(`${prefix}after-select`, 'db0')).toBe('OK');
    });

    it('refuses bodies that are not a command', async () => {
      for (const body of ['not json', '{"a":1}', '[]', '[{"x":1}]']) {
        const res = await fetch(adapter.url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body });
        expect(res.status).toBe(400);
        expect(((await res.json()) as { error: string }).error).toMatch(/^ERR /);
      }
    });

    it('runs scripts with an Upstash shebang and EVALSHA with the client’s sha', async () => {
      const script = `#!lua flags=allow-key-locking\nredis.call('SET', KEYS[1], ARGV[1])\nreturn {redis.call('GET', KEYS[1]), 7}`;
      const clientSha = createHash('sha1').update(script).digest('hex');
      const key = `${prefix}script`;
      await expect(redis.evalsha(clientSha, [key], ['never-loaded'])).rejects.toThrow(/NOSCRIPT/);
      expect(await redis.eval(script, [key], ['first'])).toEqual(['first', 7]);
      expect(await redis.evalsha(clientSha, [key], ['second'])).toEqual(['second', 7]);
    });

    it('SCRIPT LOAD answers the sha of the text the client sent', async () => {
      const script = `#!lua flags=allow-key-locking\nreturn ARGV[1] .. '!'`;
      const clientSha = createHash('sha1').update(script).digest('hex');
      expect(await redis.scriptLoad(script)).toBe(clientSha);
      expect(await redis.scriptExists(clientSha)).toEqual([1]);
      expect(await redis.evalsha(clientSha, [], ['hi'])).toBe('hi!');
      const [viaPipeline] = await redis.pipeline().evalsha(clientSha, [], ['pipe']).exec();
      expect(viaPipeline).toBe('pipe!');
    });

    it('keeps Lua error line numbers of the client’s text', async () => {
      const script = `#!lua flags=allow-key-locking\nlocal a = 1\nerror('boom')`;
      await expect(redis.eval(script, [], [])).rejects.toThrow(/:3: boom/);
    });

    describe.each([
      ['fixedWindow', Ratelimit.fixedWindow(37, '60 s')],
      ['slidingWindow', Ratelimit.slidingWindow(37, '60 s')],
      ['tokenBucket', Ratelimit.tokenBucket(1, '60 s', 37)],
    ])('@upstash/ratelimit %s', (name, limiter) => {
      it('admits exactly the limit out of 100 concurrent calls', async () => {
        const ratelimit = new Ratelimit({ redis: client(), limiter, prefix: `${prefix}rl:${name}`, analytics: false });
        const results = await Promise.all(Array.from({ length: 100 }, () => ratelimit.limit('caller-a')));
        expect(results.filter((r) => r.success).length).toBe(37);
        expect(results.every((r) => r.limit === 37)).toBe(true);
        expect(Math.min(...results.map((r) => r.remaining))).toBe(0);
        // Another identifier has its own budget.
        const other = await ratelimit.limit('caller-b');
        expect(other.success).toBe(true);
        expect(other.remaining).toBe(36);
      });
    });
  });
}

async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, { match: `${prefix}*`, count: 1000 });
    if (keys.length > 0) await redis.del(...keys);
    cursor = String(next);
  } while (cursor !== '0');
}
