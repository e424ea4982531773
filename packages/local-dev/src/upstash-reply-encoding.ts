/**
 * Shapes a Redis reply as Upstash's REST API does. With `Upstash-Encoding: base64` every string is
 * base64 of its raw bytes, except a top-level "OK" (the client keeps that one as is; see
 * @upstash/redis pkg/http.ts `decode`). Without it, strings are sent as UTF-8 text.
 */
export function encodeReply(value: unknown, base64: boolean): unknown {
  if (base64 && isOk(value)) return 'OK';
  return encodeValue(value, base64);
}

function encodeValue(value: unknown, base64: boolean): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return base64 ? value.toString('base64') : value.toString('utf8');
  if (typeof value === 'string') return base64 ? Buffer.from(value, 'utf8').toString('base64') : value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : null;
  if (Array.isArray(value)) return value.map((item) => encodeValue(item, base64));
  // A Redis error nested in an array (a Lua table with an `err` field) travels as its message.
  if (value instanceof Error) return encodeValue(value.message, base64);
  return encodeValue(String(value), base64);
}

function isOk(value: unknown): boolean {
  return (typeof value === 'string' || Buffer.isBuffer(value)) && value.toString() === 'OK';
}
