/** A Redis error reply; `message` is the full Redis text ("ERR ...", "WRONGTYPE ..."). */
export class RedisError extends Error {}

/** A simple-string reply such as +OK, kept apart from bulk strings because Lua sees them differently. */
export class StatusReply {
  constructor(readonly text: string) {}
}

/** Bulk strings are Buffers; integers are numbers; nil is null. */
export type Reply = Buffer | number | null | StatusReply | RedisError | Reply[];

export const OK = new StatusReply('OK');

export const WRONGTYPE = () => new RedisError('WRONGTYPE Operation against a key holding the wrong kind of value');
export const NOT_INTEGER = () => new RedisError('ERR value is not an integer or out of range');
export const NOT_FLOAT = () => new RedisError('ERR value is not a valid float');
export const SYNTAX = () => new RedisError('ERR syntax error');

/** Parses a Redis integer argument (decimal, no spaces, within the range JS holds exactly). */
export function parseInteger(arg: Buffer): number {
  const text = arg.toString('latin1');
  if (!/^-?\d{1,19}$/.test(text)) throw NOT_INTEGER();
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw NOT_INTEGER();
  return value;
}

export function parseFloatArg(arg: Buffer): number {
  const text = arg.toString('latin1').toLowerCase();
  if (text === 'inf' || text === '+inf') return Infinity;
  if (text === '-inf') return -Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) throw NOT_FLOAT();
  return Number(text);
}

/** Formats a double as Redis does in replies (shortest exact form, inf/-inf). */
export function formatDouble(value: number): string {
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}

export function bulk(text: string | number): Buffer {
  return Buffer.from(String(text), 'utf8');
}
