import type { Keyspace } from './keyspace.ts';
import type { Reply } from './replies.ts';

export interface CommandContext {
  db: Keyspace;
  now(): number;
}

/**
 * One command. `arity` follows Redis (COMMAND INFO): positive = exact argument count including the
 * name, negative = at least that many. Handlers run synchronously, which makes every command, MULTI
 * block and script atomic for free.
 */
export interface CommandSpec {
  arity: number;
  run(ctx: CommandContext, args: Buffer[]): Reply;
}

export type CommandTable = Record<string, CommandSpec>;

/** Key (or member) bytes as the latin1 string the keyspace uses. */
export const k = (arg: Buffer): string => arg.toString('latin1');
/** Back from a keyspace string to the original bytes. */
export const b = (key: string): Buffer => Buffer.from(key, 'latin1');
