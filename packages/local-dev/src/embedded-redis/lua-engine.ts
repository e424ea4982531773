import { createHash } from 'node:crypto';
import fengari from 'fengari';
import { formatLuaNumber } from './lua-number.ts';
import { RedisError, StatusReply, type Reply } from './replies.ts';

const { lua, lauxlib, lualib, to_luastring } = fengari;

/** Runs one Redis command for a script; throws RedisError for an error reply. */
export type ScriptCommandRunner = (name: string, args: Buffer[]) => Reply;

const SCRIPT_TIME_LIMIT_MS = 5_000;

/**
 * Redis-compatible EVAL on fengari (a Lua VM in JavaScript; Lua 5.3 with 32-bit integers where
 * Redis embeds Lua 5.1). One Lua state for the whole store, as in Redis; scripts compile once and
 * are kept by SHA-1. Type conversions follow the Redis EVAL documentation in both directions.
 */
export class LuaEngine {
  private readonly L = lauxlib.luaL_newstate();
  private readonly known = new Set<string>();
  private deadline = 0;

  constructor(private readonly runCommand: ScriptCommandRunner) {
    lualib.luaL_openlibs(this.L);
    this.doString(`
      io, os, package, require, dofile, loadfile = nil, nil, nil, nil, nil, nil
      unpack = unpack or table.unpack            -- Lua 5.1 names that Redis scripts use
      math.pow = math.pow or function(a, b) return a ^ b end
    `);
    this.installRedisTable();
    // A script stuck in a loop would freeze the dev server; Redis's own limit is 5 s too.
    lua.lua_sethook(
      this.L,
      (L: unknown) => {
        if (Date.now() > this.deadline) lauxlib.luaL_error(L, to_luastring(`script ran longer than ${SCRIPT_TIME_LIMIT_MS} ms`));
      },
      lua.LUA_MASKCOUNT,
      100_000,
    );
  }

  /** SCRIPT LOAD: compiles and keeps the script; returns its SHA-1. */
  load(script: Buffer): string {
    const sha = sha1(script);
    if (this.known.has(sha)) return sha;
    const body = stripShebang(script);
    if (lauxlib.luaL_loadbuffer(this.L, body, body.length, to_luastring('@user_script')) !== lua.LUA_OK) {
      const message = this.popString();
      throw new RedisError(`ERR Error compiling script (new function): ${message}`);
    }
    lua.lua_setfield(this.L, lua.LUA_REGISTRYINDEX, to_luastring(`f_${sha}`));
    this.known.add(sha);
    return sha;
  }

  exists(sha: string): boolean {
    return this.known.has(sha.toLowerCase());
  }

  flush(): void {
    for (const sha of this.known) {
      lua.lua_pushnil(this.L);
      lua.lua_setfield(this.L, lua.LUA_REGISTRYINDEX, to_luastring(`f_${sha}`));
    }
    this.known.clear();
  }

  eval(script: Buffer, keys: Buffer[], argv: Buffer[]): Reply {
    return this.run(this.load(script), keys, argv);
  }

  evalsha(sha: string, keys: Buffer[], argv: Buffer[]): Reply {
    const id = sha.toLowerCase();
    if (!this.known.has(id)) throw new RedisError('NOSCRIPT No matching script. Please use EVAL.');
    return this.run(id, keys, argv);
  }

  private run(sha: string, keys: Buffer[], argv: Buffer[]): Reply {
    const L = this.L;
    this.setGlobalArray('KEYS', keys);
    this.setGlobalArray('ARGV', argv);
    lua.lua_getfield(L, lua.LUA_REGISTRYINDEX, to_luastring(`f_${sha}`));
    this.deadline = Date.now() + SCRIPT_TIME_LIMIT_MS;
    const status = lua.lua_pcall(L, 0, 1, 0);
    try {
      if (status !== lua.LUA_OK) throw this.scriptError(sha);
      const reply = this.toReply(-1);
      if (reply instanceof RedisError) throw reply; // a script returning {err=...} fails like one
      return reply;
    } finally {
      lua.lua_settop(L, 0);
    }
  }

  /** The error on top of the stack: a {err=...} table raised by redis.call, or a Lua error string. */
  private scriptError(sha: string): RedisError {
    const L = this.L;
    if (lua.lua_type(L, -1) === lua.LUA_TTABLE) {
      lua.lua_getfield(L, -1, to_luastring('err'));
      const err = lua.lua_type(L, -1) === lua.LUA_TSTRING ? this.popString() : 'ERR unknown error';
      return new RedisError(err);
    }
    const message = lua.lua_type(L, -1) === lua.LUA_TSTRING ? this.popString() : 'unknown error';
    const line = /^user_script:(\d+):/.exec(message)?.[1];
    return new RedisError(`ERR ${message} script: ${sha}${line ? `, on @user_script:${line}.` : ''}`);
  }

  /** Lua value at `index` -> Redis reply, per the EVAL conversion rules. */
  private toReply(index: number): Reply {
    const L = this.L;
    switch (lua.lua_type(L, index)) {
      case lua.LUA_TNUMBER:
        return Math.trunc(lua.lua_tonumberx(L, index)); // Redis casts to long long: truncation
      case lua.LUA_TSTRING:
        return Buffer.from(lua.lua_tolstring(L, index));
      case lua.LUA_TBOOLEAN:
        return lua.lua_toboolean(L, index) ? 1 : null;
      case lua.LUA_TTABLE:
        return this.tableToReply(lua.lua_absindex(L, index));
      default:
        return null;
    }
  }

  private tableToReply(index: number): Reply {
    const L = this.L;
    for (const field of ['err', 'ok'] as const) {
      lua.lua_getfield(L, index, to_luastring(field));
      if (lua.lua_type(L, -1) === lua.LUA_TSTRING) {
        const text = this.popString();
        return field === 'err' ? new RedisError(text) : new StatusReply(text);
      }
      lua.lua_pop(L, 1);
    }
    const items: Reply[] = [];
    // Like Redis: the array ends at the first nil.
    for (let i = 1; lua.lua_rawgeti(L, index, i) !== lua.LUA_TNIL; i++) {
      items.push(this.toReply(-1));
      lua.lua_pop(L, 1);
    }
    lua.lua_pop(L, 1);
    return items;
  }

  /** Redis reply -> Lua value pushed on the stack. */
  private push(reply: Reply): void {
    const L = this.L;
    if (reply === null) lua.lua_pushboolean(L, false);
    else if (typeof reply === 'number') {
      // fengari integers are 32-bit; larger values travel as floats, as every number did in Lua 5.1.
      if (Number.isInteger(reply) && Math.abs(reply) < 2 ** 31) lua.lua_pushinteger(L, reply);
      else lua.lua_pushnumber(L, reply);
    } else if (Buffer.isBuffer(reply)) lua.lua_pushlstring(L, reply, reply.length);
    else if (reply instanceof StatusReply) this.pushSingleField('ok', reply.text);
    else if (reply instanceof RedisError) this.pushSingleField('err', reply.message);
    else {
      lua.lua_createtable(L, reply.length, 0);
      reply.forEach((item, i) => {
        this.push(item);
        lua.lua_rawseti(L, -2, i + 1);
      });
    }
  }

  private pushSingleField(field: string, text: string): void {
    lua.lua_createtable(this.L, 0, 1);
    lua.lua_pushstring(this.L, to_luastring(text));
    lua.lua_setfield(this.L, -2, to_luastring(field));
  }

  private installRedisTable(): void {
    const L = this.L;
    const fn = (name: string, body: (L: unknown) => number) => {
      lua.lua_pushjsfunction(L, body);
      lua.lua_setfield(L, -2, to_luastring(name));
    };
    lua.lua_createtable(L, 0, 8);
    fn('call', () => this.callFromScript(true));
    fn('pcall', () => this.callFromScript(false));
    fn('error_reply', () => (this.pushSingleField('err', this.argString(1)), 1));
    fn('status_reply', () => (this.pushSingleField('ok', this.argString(1)), 1));
    fn('sha1hex', () => (lua.lua_pushstring(L, to_luastring(sha1(Buffer.from(this.argString(1))))), 1));
    fn('log', () => 0);
    for (const [name, level] of [['LOG_DEBUG', 0], ['LOG_VERBOSE', 1], ['LOG_NOTICE', 2], ['LOG_WARNING', 3]] as const) {
      lua.lua_pushinteger(L, level);
      lua.lua_setfield(L, -2, to_luastring(name));
    }
    lua.lua_setglobal(L, to_luastring('redis'));
  }

  /** redis.call / redis.pcall: arguments must be strings or numbers; errors raise (call) or return (pcall) {err=...}. */
  private callFromScript(raise: boolean): number {
    const L = this.L;
    const count = lua.lua_gettop(L);
    let reply: Reply;
    try {
      if (count === 0) throw new RedisError('ERR Please specify at least one argument for this redis lib call');
      const args: Buffer[] = [];
      for (let i = 1; i <= count; i++) {
        const type = lua.lua_type(L, i);
        if (type === lua.LUA_TSTRING) args.push(Buffer.from(lua.lua_tolstring(L, i)));
        else if (type === lua.LUA_TNUMBER) {
          args.push(Buffer.from(lua.lua_isinteger(L, i) ? String(lua.lua_tointegerx(L, i)) : formatLuaNumber(lua.lua_tonumberx(L, i))));
        } else throw new RedisError('ERR Lua redis lib command arguments must be strings or integers');
      }
      const [name, ...rest] = args as [Buffer, ...Buffer[]];
      reply = this.runCommand(name.toString('latin1'), rest);
    } catch (error) {
      reply = error instanceof RedisError ? error : new RedisError(`ERR ${String(error)}`);
    }
    this.push(reply);
    if (reply instanceof RedisError && raise) return lua.lua_error(L);
    return 1;
  }

  private setGlobalArray(name: string, values: Buffer[]): void {
    this.push(values);
    lua.lua_setglobal(this.L, to_luastring(name));
  }

  private argString(index: number): string {
    const value = lua.lua_tolstring(this.L, index);
    return value ? Buffer.from(value).toString('utf8') : '';
  }

  private popString(): string {
    const text = Buffer.from(lua.lua_tolstring(this.L, -1)).toString('utf8');
    lua.lua_pop(this.L, 1);
    return text;
  }

  private doString(code: string): void {
    if (lauxlib.luaL_dostring(this.L, to_luastring(code)) !== lua.LUA_OK) throw new Error(this.popString());
  }
}

/** Empties a leading `#!` line (Redis 7 script flags), keeping its newline so line numbers hold. */
function stripShebang(script: Buffer): Buffer {
  if (script[0] !== 0x23 || script[1] !== 0x21) return script;
  const newline = script.indexOf(0x0a);
  return newline === -1 ? Buffer.alloc(0) : script.subarray(newline);
}

function sha1(data: Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}
