/** One Redis command: its name and raw arguments (Buffers stay binary-safe). */
export interface RedisCommand {
  name: string;
  args: RedisArg[];
}

export type RedisArg = string | Buffer;

/** The result of one command inside a pipeline or transaction. */
export type CommandOutcome = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * What the Upstash adapter needs from a Redis: a real server (ioredis) or the embedded in-memory one.
 * Replies are Buffer (bulk/simple strings), number, null, or arrays of those; Redis error replies
 * reject `call` with an Error whose message is the Redis error text ("ERR ...", "NOSCRIPT ...").
 */
export interface RedisBackend {
  call(command: string, args: RedisArg[]): Promise<unknown>;
  /** Runs the commands in order, not atomically; each gets its own outcome. */
  pipeline(commands: RedisCommand[]): Promise<CommandOutcome[]>;
  /** Runs the commands as MULTI/EXEC; rejects (EXECABORT ...) when Redis discards the transaction. */
  multi(commands: RedisCommand[]): Promise<CommandOutcome[]>;
  close(): Promise<void>;
}
