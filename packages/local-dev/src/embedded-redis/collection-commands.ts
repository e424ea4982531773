import { b, k, type CommandContext, type CommandTable } from './command-spec.ts';
import { bulk, formatDouble, OK, parseFloatArg, parseInteger, RedisError, SYNTAX, type Reply } from './replies.ts';

const newSet = () => ({ type: 'set' as const, value: new Set<string>() });
const newList = () => ({ type: 'list' as const, value: [] as Buffer[] });
const newZset = () => ({ type: 'zset' as const, value: new Map<string, number>() });

const setOf = (ctx: CommandContext, key: Buffer) => ctx.db.getTyped(k(key), 'set')?.value;
const listOf = (ctx: CommandContext, key: Buffer) => ctx.db.getTyped(k(key), 'list')?.value;
const zsetOf = (ctx: CommandContext, key: Buffer) => ctx.db.getTyped(k(key), 'zset')?.value;

/** Redis index range (negative counts from the end) clipped to [0, length). */
function indexRange(length: number, startArg: Buffer, stopArg: Buffer): [number, number] {
  let start = parseInteger(startArg);
  let stop = parseInteger(stopArg);
  if (start < 0) start = Math.max(0, length + start);
  if (stop < 0) stop = length + stop;
  return [start, Math.min(stop, length - 1)];
}

function pop(ctx: CommandContext, [key, countArg]: Buffer[], fromLeft: boolean): Reply {
  const list = listOf(ctx, key!);
  const count = countArg ? parseInteger(countArg) : undefined;
  if (count !== undefined && count < 0) throw new RedisError('ERR value is out of range, must be positive');
  if (!list) return null;
  const taken = fromLeft ? list.splice(0, count ?? 1) : list.splice(Math.max(0, list.length - (count ?? 1))).reverse();
  ctx.db.dropIfEmpty(k(key!));
  return count === undefined ? (taken[0] ?? null) : taken;
}

/** A score bound: "1.5", "(1.5" (exclusive), "-inf", "+inf". */
function parseBound(arg: Buffer): { value: number; exclusive: boolean } {
  const text = arg.toString('latin1');
  const exclusive = text.startsWith('(');
  try {
    return { value: parseFloatArg(Buffer.from(exclusive ? text.slice(1) : text)), exclusive };
  } catch {
    throw new RedisError('ERR min or max is not a float');
  }
}

function inBounds(score: number, min: { value: number; exclusive: boolean }, max: { value: number; exclusive: boolean }): boolean {
  const aboveMin = min.exclusive ? score > min.value : score >= min.value;
  const belowMax = max.exclusive ? score < max.value : score <= max.value;
  return aboveMin && belowMax;
}

/** Members ordered by score, then bytewise by member, as Redis orders them. */
function sorted(zset: Map<string, number>): [string, number][] {
  return [...zset].sort(([ma, sa], [mb, sb]) => sa - sb || (ma < mb ? -1 : ma > mb ? 1 : 0));
}

function withScores(entries: [string, number][], include: boolean): Buffer[] {
  return entries.flatMap(([member, score]) => (include ? [b(member), bulk(formatDouble(score))] : [b(member)]));
}

export const collectionCommands: CommandTable = {
  sadd: {
    arity: -3,
    run: (ctx, [key, ...members]) => {
      const set = ctx.db.getOrCreate(k(key!), 'set', newSet).value;
      return members.filter((m) => !set.has(k(m)) && set.add(k(m))).length;
    },
  },
  srem: {
    arity: -3,
    run: (ctx, [key, ...members]) => {
      const set = setOf(ctx, key!);
      if (!set) return 0;
      const removed = members.filter((m) => set.delete(k(m))).length;
      ctx.db.dropIfEmpty(k(key!));
      return removed;
    },
  },
  smembers: { arity: 2, run: (ctx, [key]) => [...(setOf(ctx, key!) ?? [])].map(b) },
  sismember: { arity: 3, run: (ctx, [key, member]) => (setOf(ctx, key!)?.has(k(member!)) ? 1 : 0) },
  smismember: { arity: -3, run: (ctx, [key, ...members]) => members.map((m) => (setOf(ctx, key!)?.has(k(m)) ? 1 : 0)) },
  scard: { arity: 2, run: (ctx, [key]) => setOf(ctx, key!)?.size ?? 0 },

  lpush: {
    arity: -3,
    run: (ctx, [key, ...values]) => {
      const list = ctx.db.getOrCreate(k(key!), 'list', newList).value;
      for (const v of values) list.unshift(Buffer.from(v));
      return list.length;
    },
  },
  rpush: {
    arity: -3,
    run: (ctx, [key, ...values]) => {
      const list = ctx.db.getOrCreate(k(key!), 'list', newList).value;
      list.push(...values.map((v) => Buffer.from(v)));
      return list.length;
    },
  },
  lpop: { arity: -2, run: (ctx, args) => pop(ctx, args, true) },
  rpop: { arity: -2, run: (ctx, args) => pop(ctx, args, false) },
  llen: { arity: 2, run: (ctx, [key]) => listOf(ctx, key!)?.length ?? 0 },
  lrange: {
    arity: 4,
    run: (ctx, [key, start, stop]) => {
      const list = listOf(ctx, key!) ?? [];
      const [from, to] = indexRange(list.length, start!, stop!);
      return from > to ? [] : list.slice(from, to + 1);
    },
  },
  ltrim: {
    arity: 4,
    run: (ctx, [key, start, stop]) => {
      const list = listOf(ctx, key!);
      if (list) {
        const [from, to] = indexRange(list.length, start!, stop!);
        list.splice(0, list.length, ...(from > to ? [] : list.slice(from, to + 1)));
        ctx.db.dropIfEmpty(k(key!));
      }
      return OK;
    },
  },

  /** ZADD key [NX|XX] [GT|LT] [CH] score member ... */
  zadd: {
    arity: -4,
    run: (ctx, [key, ...rest]) => {
      const flags = new Set<string>();
      while (rest.length > 0 && ['NX', 'XX', 'GT', 'LT', 'CH'].includes(rest[0]!.toString('latin1').toUpperCase())) {
        flags.add(rest.shift()!.toString('latin1').toUpperCase());
      }
      if (rest.length === 0 || rest.length % 2 !== 0) throw SYNTAX();
      if (flags.has('NX') && (flags.has('XX') || flags.has('GT') || flags.has('LT'))) {
        throw new RedisError('ERR XX and NX options at the same time are not compatible');
      }
      const pairs: [number, string][] = [];
      for (let i = 0; i < rest.length; i += 2) pairs.push([parseFloatArg(rest[i]!), k(rest[i + 1]!)]);
      const zset = ctx.db.getOrCreate(k(key!), 'zset', newZset).value;
      let added = 0;
      let changed = 0;
      for (const [score, member] of pairs) {
        const current = zset.get(member);
        if (current === undefined) {
          if (flags.has('XX')) continue;
          zset.set(member, score);
          added++;
        } else {
          if (flags.has('NX')) continue;
          if (flags.has('GT') && !(score > current)) continue;
          if (flags.has('LT') && !(score < current)) continue;
          if (score !== current) changed++;
          zset.set(member, score);
        }
      }
      ctx.db.dropIfEmpty(k(key!));
      return flags.has('CH') ? added + changed : added;
    },
  },
  zincrby: {
    arity: 4,
    run: (ctx, [key, by, member]) => {
      const delta = parseFloatArg(by!);
      const zset = ctx.db.getOrCreate(k(key!), 'zset', newZset).value;
      const next = (zset.get(k(member!)) ?? 0) + delta;
      if (Number.isNaN(next)) throw new RedisError('ERR resulting score is not a number (NaN)');
      zset.set(k(member!), next);
      return bulk(formatDouble(next));
    },
  },
  zscore: {
    arity: 3,
    run: (ctx, [key, member]) => {
      const score = zsetOf(ctx, key!)?.get(k(member!));
      return score === undefined ? null : bulk(formatDouble(score));
    },
  },
  zcard: { arity: 2, run: (ctx, [key]) => zsetOf(ctx, key!)?.size ?? 0 },
  zrem: {
    arity: -3,
    run: (ctx, [key, ...members]) => {
      const zset = zsetOf(ctx, key!);
      if (!zset) return 0;
      const removed = members.filter((m) => zset.delete(k(m))).length;
      ctx.db.dropIfEmpty(k(key!));
      return removed;
    },
  },
  /** ZRANGE key start stop [WITHSCORES] — by index only. */
  zrange: {
    arity: -4,
    run: (ctx, [key, start, stop, ...options]) => {
      const scores = parseWithScores(options);
      const entries = sorted(zsetOf(ctx, key!) ?? new Map());
      const [from, to] = indexRange(entries.length, start!, stop!);
      return withScores(from > to ? [] : entries.slice(from, to + 1), scores);
    },
  },
  zrangebyscore: {
    arity: -4,
    run: (ctx, [key, minArg, maxArg, ...options]) => {
      const [min, max] = [parseBound(minArg!), parseBound(maxArg!)];
      let scores = false;
      let offset = 0;
      let count = Infinity;
      for (let i = 0; i < options.length; i++) {
        const option = options[i]!.toString('latin1').toUpperCase();
        if (option === 'WITHSCORES') scores = true;
        else if (option === 'LIMIT' && i + 2 < options.length) {
          offset = parseInteger(options[++i]!);
          const n = parseInteger(options[++i]!);
          count = n < 0 ? Infinity : n;
        } else throw SYNTAX();
      }
      const matching = sorted(zsetOf(ctx, key!) ?? new Map()).filter(([, s]) => inBounds(s, min, max));
      return withScores(matching.slice(offset, offset + count), scores);
    },
  },
  zcount: {
    arity: 4,
    run: (ctx, [key, minArg, maxArg]) => {
      const [min, max] = [parseBound(minArg!), parseBound(maxArg!)];
      return [...(zsetOf(ctx, key!)?.values() ?? [])].filter((s) => inBounds(s, min, max)).length;
    },
  },
  zremrangebyscore: {
    arity: 4,
    run: (ctx, [key, minArg, maxArg]) => {
      const [min, max] = [parseBound(minArg!), parseBound(maxArg!)];
      const zset = zsetOf(ctx, key!);
      if (!zset) return 0;
      let removed = 0;
      for (const [member, score] of zset) if (inBounds(score, min, max) && zset.delete(member)) removed++;
      ctx.db.dropIfEmpty(k(key!));
      return removed;
    },
  },
};

function parseWithScores(options: Buffer[]): boolean {
  if (options.length === 0) return false;
  if (options.length === 1 && options[0]!.toString('latin1').toUpperCase() === 'WITHSCORES') return true;
  throw SYNTAX();
}
