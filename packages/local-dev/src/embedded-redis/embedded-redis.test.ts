import { describe, expect, it } from 'vitest';
import { EmbeddedRedis } from './embedded-redis.ts';
import { RedisError } from './replies.ts';

const B = (text: string) => Buffer.from(text);
const args = (...parts: string[]) => parts.map(B);

function clockedRedis() {
  let now = 1_700_000_000_000;
  const redis = new EmbeddedRedis(() => now);
  return { redis, advance: (ms: number) => (now += ms) };
}

describe('EmbeddedRedis', () => {
  it('expires keys when their time comes, not before', () => {
    const { redis, advance } = clockedRedis();
    redis.call('set', args('k', 'v', 'px', '1000'));
    advance(999);
    expect(redis.call('get', args('k'))).toEqual(B('v'));
    expect(redis.call('pttl', args('k'))).toBe(1);
    advance(1);
    expect(redis.call('get', args('k'))).toBeNull();
    expect(redis.call('exists', args('k'))).toBe(0);
    redis.close();
  });

  it('keeps a key’s expiry through INCRBY, as the rate-limit scripts rely on', () => {
    const { redis, advance } = clockedRedis();
    redis.call('incrby', args('n', '1'));
    redis.call('pexpire', args('n', '500'));
    redis.call('incrby', args('n', '1'));
    expect(redis.call('pttl', args('n'))).toBe(500);
    advance(500);
    expect(redis.call('incrby', args('n', '1'))).toBe(1);
    redis.close();
  });

  it('keeps binary keys and values intact', () => {
    const redis = new EmbeddedRedis();
    const key = Buffer.from([0xff, 0x00, 0xfe]);
    const value = Buffer.from([0x80, 0x81, 0x00, 0x0a]);
    redis.call('set', [key, value]);
    expect(redis.call('get', [key])).toEqual(value);
    expect(redis.call('keys', args('*'))).toEqual([key]);
    redis.close();
  });

  it('runs the fixed-window limiter script against a moving clock', () => {
    const { redis, advance } = clockedRedis();
    const script = B(`#!lua flags=allow-key-locking
      local r = redis.call("INCRBY", KEYS[1], ARGV[2])
      if r == tonumber(ARGV[2]) then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
      return r`);
    const hit = () => redis.call('eval', [script, B('1'), B('window'), B('1000'), B('1')]);
    expect([hit(), hit(), hit()]).toEqual([1, 2, 3]);
    advance(1000);
    expect(hit()).toBe(1);
    redis.close();
  });

  it('refuses unknown commands and wrong arity with Redis’s texts', () => {
    const redis = new EmbeddedRedis();
    expect(() => redis.call('nosuch', args('a'))).toThrow(new RedisError("ERR unknown command 'nosuch', with args beginning with: 'a' "));
    expect(() => redis.call('get', [])).toThrow(new RedisError("ERR wrong number of arguments for 'get' command"));
    expect(redis.validate('multi', [])).toBeInstanceOf(RedisError);
    expect(redis.validate('get', args('k'))).toBeNull();
    redis.close();
  });
});
