import { collectionCommands } from './collection-commands.ts';
import type { CommandContext, CommandSpec, CommandTable } from './command-spec.ts';
import { hashCommands } from './hash-commands.ts';
import { keyCommands } from './key-commands.ts';
import { Keyspace } from './keyspace.ts';
import { LuaEngine } from './lua-engine.ts';
import { OK, parseInteger, RedisError, type Reply } from './replies.ts';
import { stringCommands } from './string-commands.ts';

const DATA_COMMANDS: CommandTable = { ...stringCommands, ...keyCommands, ...hashCommands, ...collectionCommands };

/**
 * An in-memory Redis for `npm run dev` on a machine without a Redis server: the data commands
 * above plus EVAL/EVALSHA/SCRIPT, enough for @upstash/ratelimit and ordinary caching. Every command
 * runs synchronously, so scripts and transactions are atomic as in Redis. Data lives in memory only.
 */
export class EmbeddedRedis {
  private readonly ctx: CommandContext;
  private readonly lua: LuaEngine;
  private readonly commands: CommandTable;
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(now: () => number = Date.now) {
    this.ctx = { db: new Keyspace(now), now };
    // Scripts may run data commands only (Redis also refuses EVAL, MULTI and the like from scripts).
    this.lua = new LuaEngine((name, args) => this.execute(DATA_COMMANDS, name, args, true));
    this.commands = { ...DATA_COMMANDS, ...this.scriptingCommands() };
    // Expired keys are dropped when touched; the sweep bounds memory for keys nobody reads again.
    this.sweepTimer = setInterval(() => this.ctx.db.sweep(), 60_000);
    this.sweepTimer.unref();
  }

  /** Runs one command; throws RedisError for an error reply. */
  call(name: string, args: Buffer[]): Reply {
    return this.execute(this.commands, name, args, false);
  }

  /** Checks name and arity without running (what Redis does when queueing inside MULTI). */
  validate(name: string, args: Buffer[]): RedisError | null {
    try {
      this.lookup(this.commands, name, args, false);
      return null;
    } catch (error) {
      return error instanceof RedisError ? error : new RedisError(String(error));
    }
  }

  close(): void {
    clearInterval(this.sweepTimer);
  }

  private execute(table: CommandTable, name: string, args: Buffer[], fromScript: boolean): Reply {
    return this.lookup(table, name, args, fromScript).run(this.ctx, args);
  }

  private lookup(table: CommandTable, name: string, args: Buffer[], fromScript: boolean): CommandSpec {
    const lower = name.toLowerCase();
    const spec = Object.hasOwn(table, lower) ? table[lower] : undefined;
    if (!spec) {
      if (fromScript && Object.hasOwn(this.commands, lower)) throw new RedisError('ERR This Redis command is not allowed from script');
      const preview = args.slice(0, 20).map((a) => `'${a.toString('utf8')}' `).join('');
      throw new RedisError(`ERR unknown command '${name}', with args beginning with: ${preview}`);
    }
    const count = args.length + 1;
    if (spec.arity > 0 ? count !== spec.arity : count < -spec.arity) {
      throw new RedisError(`ERR wrong number of arguments for '${lower}' command`);
    }
    return spec;
  }

  private scriptingCommands(): CommandTable {
    const splitKeys = (numKeys: Buffer, rest: Buffer[]): [Buffer[], Buffer[]] => {
      const n = parseInteger(numKeys);
      if (n < 0) throw new RedisError("ERR Number of keys can't be negative");
      if (n > rest.length) throw new RedisError("ERR Number of keys can't be greater than number of args");
      return [rest.slice(0, n), rest.slice(n)];
    };
    const evalScript = (_: CommandContext, [script, numKeys, ...rest]: Buffer[]) => this.lua.eval(script!, ...splitKeys(numKeys!, rest));
    const evalSha = (_: CommandContext, [sha, numKeys, ...rest]: Buffer[]) =>
      this.lua.evalsha(sha!.toString('latin1'), ...splitKeys(numKeys!, rest));
    return {
      eval: { arity: -3, run: evalScript },
      eval_ro: { arity: -3, run: evalScript },
      evalsha: { arity: -3, run: evalSha },
      evalsha_ro: { arity: -3, run: evalSha },
      script: {
        arity: -2,
        run: (_ctx, [sub, ...rest]) => {
          const subcommand = sub!.toString('latin1').toLowerCase();
          if (subcommand === 'load' && rest.length === 1) return Buffer.from(this.lua.load(rest[0]!));
          if (subcommand === 'exists' && rest.length > 0) return rest.map((sha) => (this.lua.exists(sha.toString('latin1')) ? 1 : 0));
          if (subcommand === 'flush') return this.lua.flush(), OK;
          throw new RedisError(`ERR unknown subcommand or wrong number of arguments for '${subcommand}'. Try SCRIPT HELP.`);
        },
      },
    };
  }
}
