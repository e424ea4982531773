import { RedisError, StatusReply, type Reply } from './replies.ts';

/** A reply as RedisBackend users see it (the shape ioredis's callBuffer gives): status strings as Buffers. */
export function toBackendValue(reply: Reply): unknown {
  if (reply instanceof StatusReply) return Buffer.from(reply.text);
  if (Array.isArray(reply)) return reply.map(toBackendValue);
  return reply; // Buffer, number, null, or a RedisError nested in an array
}
