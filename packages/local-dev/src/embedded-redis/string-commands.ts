import { k, type CommandContext, type CommandTable } from './command-spec.ts';
import { bulk, formatDouble, OK, parseFloatArg, parseInteger, RedisError, SYNTAX, type Reply } from './replies.ts';

function getString(ctx: CommandContext, key: Buffer): Buffer | null {
  return ctx.db.getTyped(k(key), 'string')?.value ?? null;
}

function incrementBy(ctx: CommandContext, key: Buffer, delta: number): number {
  const current = getString(ctx, key);
  const base = current === null ? 0 : parseInteger(current);
  const next = base + delta;
  if (!Number.isSafeInteger(next)) throw new RedisError('ERR increment or decrement would overflow');
  ctx.db.set(k(key), { type: 'string', value: bulk(next) }, true);
  return next;
}

/** SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL] */
function set(ctx: CommandContext, args: Buffer[]): Reply {
  const [key, value, ...options] = args as [Buffer, Buffer, ...Buffer[]];
  let nx = false;
  let xx = false;
  let get = false;
  let keepTtl = false;
  let expireAt: number | undefined;
  for (let i = 0; i < options.length; i++) {
    const option = options[i]!.toString('latin1').toUpperCase();
    if (option === 'NX') nx = true;
    else if (option === 'XX') xx = true;
    else if (option === 'GET') get = true;
    else if (option === 'KEEPTTL') keepTtl = true;
    else if (['EX', 'PX', 'EXAT', 'PXAT'].includes(option) && i + 1 < options.length && expireAt === undefined) {
      const amount = parseInteger(options[++i]!);
      if (amount <= 0) throw new RedisError("ERR invalid expire time in 'set' command");
      expireAt = { EX: ctx.now() + amount * 1000, PX: ctx.now() + amount, EXAT: amount * 1000, PXAT: amount }[option];
    } else throw SYNTAX();
  }
  if ((nx && xx) || (keepTtl && expireAt !== undefined)) throw SYNTAX();
  const previous = get ? getString(ctx, key) : null;
  const exists = ctx.db.has(k(key));
  if ((nx && exists) || (xx && !exists)) return get ? previous : null;
  ctx.db.set(k(key), { type: 'string', value: Buffer.from(value) }, keepTtl);
  if (expireAt !== undefined) ctx.db.expireAt(k(key), expireAt);
  return get ? previous : OK;
}

function setWithExpiry(ctx: CommandContext, key: Buffer, value: Buffer, ms: number, command: string): Reply {
  if (ms <= 0) throw new RedisError(`ERR invalid expire time in '${command}' command`);
  ctx.db.set(k(key), { type: 'string', value: Buffer.from(value) });
  ctx.db.expireAt(k(key), ctx.now() + ms);
  return OK;
}

export const stringCommands: CommandTable = {
  get: { arity: 2, run: (ctx, [key]) => getString(ctx, key!) },
  set: { arity: -3, run: set },
  setnx: {
    arity: 3,
    run: (ctx, [key, value]) => {
      if (ctx.db.has(k(key!))) return 0;
      ctx.db.set(k(key!), { type: 'string', value: Buffer.from(value!) });
      return 1;
    },
  },
  setex: { arity: 4, run: (ctx, [key, s, value]) => setWithExpiry(ctx, key!, value!, parseInteger(s!) * 1000, 'setex') },
  psetex: { arity: 4, run: (ctx, [key, ms, value]) => setWithExpiry(ctx, key!, value!, parseInteger(ms!), 'psetex') },
  getdel: {
    arity: 2,
    run: (ctx, [key]) => {
      const value = getString(ctx, key!);
      if (value !== null) ctx.db.delete(k(key!));
      return value;
    },
  },
  getset: {
    arity: 3,
    run: (ctx, [key, value]) => {
      const previous = getString(ctx, key!);
      ctx.db.set(k(key!), { type: 'string', value: Buffer.from(value!) });
      return previous;
    },
  },
  mget: {
    arity: -2,
    run: (ctx, keys) =>
      keys.map((key) => {
        const entry = ctx.db.get(k(key));
        return entry?.type === 'string' ? entry.value : null; // MGET answers nil for other types
      }),
  },
  mset: {
    arity: -3,
    run: (ctx, args) => {
      if (args.length % 2 !== 0) throw new RedisError("ERR wrong number of arguments for 'mset' command");
      for (let i = 0; i < args.length; i += 2) ctx.db.set(k(args[i]!), { type: 'string', value: Buffer.from(args[i + 1]!) });
      return OK;
    },
  },
  append: {
    arity: 3,
    run: (ctx, [key, value]) => {
      const next = Buffer.concat([getString(ctx, key!) ?? Buffer.alloc(0), value!]);
      ctx.db.set(k(key!), { type: 'string', value: next }, true);
      return next.length;
    },
  },
  strlen: { arity: 2, run: (ctx, [key]) => getString(ctx, key!)?.length ?? 0 },
  incr: { arity: 2, run: (ctx, [key]) => incrementBy(ctx, key!, 1) },
  decr: { arity: 2, run: (ctx, [key]) => incrementBy(ctx, key!, -1) },
  incrby: { arity: 3, run: (ctx, [key, by]) => incrementBy(ctx, key!, parseInteger(by!)) },
  decrby: { arity: 3, run: (ctx, [key, by]) => incrementBy(ctx, key!, -parseInteger(by!)) },
  incrbyfloat: {
    arity: 3,
    run: (ctx, [key, by]) => {
      const current = getString(ctx, key!);
      const next = (current === null ? 0 : parseFloatArg(current)) + parseFloatArg(by!);
      if (!Number.isFinite(next)) throw new RedisError('ERR increment would produce NaN or Infinity');
      const value = bulk(formatDouble(next));
      ctx.db.set(k(key!), { type: 'string', value }, true);
      return value;
    },
  },
};
