import { createHash } from 'node:crypto';
import type { RedisArg, RedisCommand } from './redis-backend.ts';

/**
 * Makes @upstash/ratelimit's scripts run on stock Redis 7.0, which refuses the
 * `#!lua flags=allow-key-locking` first line (an Upstash-only flag). The shebang line is emptied before
 * EVAL / SCRIPT LOAD (its newline stays, so Lua error line numbers still match the client's text), and
 * EVALSHA accepts the SHA-1 of the text the client sent: we remember client-sha -> server-sha.
 */
export class LuaScriptCompat {
  private readonly serverShaByClientSha = new Map<string, string>();

  /** Rewrites one command; `mapResult` turns the server's reply back into what the client expects. */
  rewrite(command: RedisCommand): { command: RedisCommand; mapResult: (value: unknown) => unknown } {
    const name = command.name.toLowerCase();
    const args = command.args;
    const same = (value: unknown) => value;
    if ((name === 'eval' || name === 'eval_ro') && args.length > 0) {
      return { command: { name: command.name, args: [this.register(args[0]!), ...args.slice(1)] }, mapResult: same };
    }
    if ((name === 'evalsha' || name === 'evalsha_ro') && args.length > 0) {
      return { command: { name: command.name, args: [this.serverSha(args[0]!), ...args.slice(1)] }, mapResult: same };
    }
    if (name === 'script' && args.length > 0) {
      const sub = args[0]!.toString().toLowerCase();
      if (sub === 'load' && args.length === 2) {
        const clientSha = sha1(args[1]!);
        const loaded = { name: command.name, args: [args[0]!, this.register(args[1]!)] };
        // Redis answers with the stripped text's sha; the client will call EVALSHA with its own.
        return { command: loaded, mapResult: (value) => (value == null ? value : Buffer.from(clientSha)) };
      }
      if (sub === 'exists') {
        return { command: { name: command.name, args: [args[0]!, ...args.slice(1).map((s) => this.serverSha(s))] }, mapResult: same };
      }
      if (sub === 'flush') this.serverShaByClientSha.clear();
    }
    return { command, mapResult: same };
  }

  private register(script: RedisArg): RedisArg {
    const stripped = stripShebang(script);
    if (stripped !== script) this.serverShaByClientSha.set(sha1(script), sha1(stripped));
    return stripped;
  }

  private serverSha(sha: RedisArg): RedisArg {
    // Unknown shas go through untouched: Redis itself answers NOSCRIPT and the client falls back to EVAL.
    return this.serverShaByClientSha.get(sha.toString().toLowerCase()) ?? sha;
  }
}

/** Empties a leading `#!...` line, keeping its newline. Returns the same object when there is none. */
export function stripShebang(script: RedisArg): RedisArg {
  const text = script.toString();
  if (!text.startsWith('#!')) return script;
  const newline = text.indexOf('\n');
  return newline === -1 ? '' : text.slice(newline);
}

function sha1(text: RedisArg): string {
  return createHash('sha1').update(text).digest('hex');
}
