import { b, k, type CommandContext, type CommandTable } from './command-spec.ts';
import { globToRegExp } from './glob.ts';
import { bulk, OK, parseInteger, RedisError, StatusReply, SYNTAX, type Reply } from './replies.ts';

/** EXPIRE family: `toMs` turns the argument into an absolute time; NX/XX/GT/LT as in Redis 7. */
function expire(toMs: (ctx: CommandContext, amount: number) => number) {
  return (ctx: CommandContext, [key, amount, ...options]: Buffer[]): Reply => {
    const at = toMs(ctx, parseInteger(amount!));
    const flags = new Set(options.map((o) => o.toString('latin1').toUpperCase()));
    for (const flag of flags) if (!['NX', 'XX', 'GT', 'LT'].includes(flag)) throw new RedisError(`ERR Unsupported option ${flag}`);
    if (flags.has('NX') && flags.size > 1) throw new RedisError('ERR NX and XX, GT or LT options at the same time are not compatible');
    const ttl = ctx.db.pttl(k(key!));
    if (ttl === -2) return 0;
    const current = ttl === -1 ? Infinity : ctx.now() + ttl;
    if (flags.has('NX') && ttl !== -1) return 0;
    if (flags.has('XX') && ttl === -1) return 0;
    if (flags.has('GT') && !(at > current)) return 0;
    if (flags.has('LT') && !(at < current)) return 0;
    return ctx.db.expireAt(k(key!), at) ? 1 : 0;
  };
}

function matchingKeys(ctx: CommandContext, pattern: Buffer | undefined, type?: string): string[] {
  const regex = pattern ? globToRegExp(k(pattern)) : null;
  return ctx.db.keys().filter((key) => (!regex || regex.test(key)) && (!type || ctx.db.get(key)?.type === type));
}

export const keyCommands: CommandTable = {
  ping: { arity: -1, run: (_ctx, [message]) => (message ? Buffer.from(message) : new StatusReply('PONG')) },
  echo: { arity: 2, run: (_ctx, [message]) => Buffer.from(message!) },
  time: {
    arity: 1,
    run: (ctx) => {
      const ms = ctx.now();
      return [bulk(Math.floor(ms / 1000)), bulk((ms % 1000) * 1000)];
    },
  },
  dbsize: { arity: 1, run: (ctx) => ctx.db.size() },
  flushdb: { arity: -1, run: (ctx) => (ctx.db.clear(), OK) },
  flushall: { arity: -1, run: (ctx) => (ctx.db.clear(), OK) },
  del: { arity: -2, run: (ctx, keys) => keys.filter((key) => ctx.db.delete(k(key))).length },
  unlink: { arity: -2, run: (ctx, keys) => keys.filter((key) => ctx.db.delete(k(key))).length },
  exists: { arity: -2, run: (ctx, keys) => keys.filter((key) => ctx.db.has(k(key))).length },
  type: { arity: 2, run: (ctx, [key]) => new StatusReply(ctx.db.get(k(key!))?.type ?? 'none') },
  expire: { arity: -3, run: expire((ctx, s) => ctx.now() + s * 1000) },
  pexpire: { arity: -3, run: expire((ctx, ms) => ctx.now() + ms) },
  expireat: { arity: -3, run: expire((_ctx, s) => s * 1000) },
  pexpireat: { arity: -3, run: expire((_ctx, ms) => ms) },
  ttl: {
    arity: 2,
    run: (ctx, [key]) => {
      const ms = ctx.db.pttl(k(key!));
      return ms < 0 ? ms : Math.round(ms / 1000);
    },
  },
  pttl: { arity: 2, run: (ctx, [key]) => ctx.db.pttl(k(key!)) },
  persist: { arity: 2, run: (ctx, [key]) => (ctx.db.persist(k(key!)) ? 1 : 0) },
  keys: { arity: 2, run: (ctx, [pattern]) => matchingKeys(ctx, pattern).map(b) },
  /** One pass answers every match with cursor 0: allowed by SCAN's contract and immune to deletes mid-scan. */
  scan: {
    arity: -2,
    run: (ctx, [cursor, ...options]) => {
      parseInteger(cursor!);
      let pattern: Buffer | undefined;
      let type: string | undefined;
      for (let i = 0; i < options.length; i += 2) {
        const option = options[i]!.toString('latin1').toUpperCase();
        const value = options[i + 1];
        if (!value) throw SYNTAX();
        if (option === 'MATCH') pattern = value;
        else if (option === 'COUNT') parseInteger(value);
        else if (option === 'TYPE') type = value.toString('latin1').toLowerCase();
        else throw SYNTAX();
      }
      return [bulk(0), matchingKeys(ctx, pattern, type).map(b)];
    },
  },
};
