import { createRealRedisBackend } from './real-redis-backend.ts';
import { describeUpstashAdapterContract } from './upstash-adapter-contract.ts';

// Runs against the Redis 7.0 server on 127.0.0.1:6379 (REDIS_URL overrides).
describeUpstashAdapterContract('real Redis', () => createRealRedisBackend(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'));
