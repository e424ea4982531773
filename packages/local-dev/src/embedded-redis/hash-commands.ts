import { b, k, type CommandContext, type CommandTable } from './command-spec.ts';
import { bulk, formatDouble, OK, parseFloatArg, parseInteger, RedisError, type Reply } from './replies.ts';

const newHash = () => ({ type: 'hash' as const, value: new Map<string, Buffer>() });

function hset(ctx: CommandContext, [key, ...pairs]: Buffer[], command: string): number {
  if (pairs.length === 0 || pairs.length % 2 !== 0) throw new RedisError(`ERR wrong number of arguments for '${command}' command`);
  const hash = ctx.db.getOrCreate(k(key!), 'hash', newHash).value;
  let added = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    if (!hash.has(k(pairs[i]!))) added++;
    hash.set(k(pairs[i]!), Buffer.from(pairs[i + 1]!));
  }
  return added;
}

function hashOf(ctx: CommandContext, key: Buffer): Map<string, Buffer> | undefined {
  return ctx.db.getTyped(k(key), 'hash')?.value;
}

export const hashCommands: CommandTable = {
  hset: { arity: -4, run: (ctx, args) => hset(ctx, args, 'hset') },
  hmset: { arity: -4, run: (ctx, args) => (hset(ctx, args, 'hmset'), OK) },
  hsetnx: {
    arity: 4,
    run: (ctx, [key, field, value]) => {
      const hash = ctx.db.getOrCreate(k(key!), 'hash', newHash).value;
      if (hash.has(k(field!))) return 0;
      hash.set(k(field!), Buffer.from(value!));
      return 1;
    },
  },
  hget: { arity: 3, run: (ctx, [key, field]) => hashOf(ctx, key!)?.get(k(field!)) ?? null },
  hmget: { arity: -3, run: (ctx, [key, ...fields]) => fields.map((f) => hashOf(ctx, key!)?.get(k(f)) ?? null) },
  hgetall: { arity: 2, run: (ctx, [key]) => [...(hashOf(ctx, key!) ?? [])].flatMap(([f, v]) => [b(f), v]) },
  hkeys: { arity: 2, run: (ctx, [key]) => [...(hashOf(ctx, key!)?.keys() ?? [])].map(b) },
  hvals: { arity: 2, run: (ctx, [key]) => [...(hashOf(ctx, key!)?.values() ?? [])] },
  hlen: { arity: 2, run: (ctx, [key]) => hashOf(ctx, key!)?.size ?? 0 },
  hexists: { arity: 3, run: (ctx, [key, field]) => (hashOf(ctx, key!)?.has(k(field!)) ? 1 : 0) },
  hdel: {
    arity: -3,
    run: (ctx, [key, ...fields]) => {
      const hash = hashOf(ctx, key!);
      if (!hash) return 0;
      const removed = fields.filter((f) => hash.delete(k(f))).length;
      ctx.db.dropIfEmpty(k(key!));
      return removed;
    },
  },
  hincrby: {
    arity: 4,
    run: (ctx, [key, field, by]): Reply => {
      const delta = parseInteger(by!);
      const hash = ctx.db.getOrCreate(k(key!), 'hash', newHash).value;
      const current = hash.get(k(field!));
      let base = 0;
      if (current) {
        try {
          base = parseInteger(current);
        } catch {
          throw new RedisError('ERR hash value is not an integer');
        }
      }
      const next = base + delta;
      if (!Number.isSafeInteger(next)) throw new RedisError('ERR increment or decrement would overflow');
      hash.set(k(field!), bulk(next));
      return next;
    },
  },
  hincrbyfloat: {
    arity: 4,
    run: (ctx, [key, field, by]) => {
      const delta = parseFloatArg(by!);
      const hash = ctx.db.getOrCreate(k(key!), 'hash', newHash).value;
      const current = hash.get(k(field!));
      const next = (current ? parseFloatArg(current) : 0) + delta;
      if (!Number.isFinite(next)) throw new RedisError('ERR increment would produce NaN or Infinity');
      const value = bulk(formatDouble(next));
      hash.set(k(field!), value);
      return value;
    },
  },
};
