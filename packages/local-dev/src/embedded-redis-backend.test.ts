import { createEmbeddedRedisBackend } from './embedded-redis-backend.ts';
import { describeUpstashAdapterContract } from './upstash-adapter-contract.ts';

// The same contract as over the real Redis: the embedded store must be indistinguishable through the adapter.
describeUpstashAdapterContract('embedded Redis', () => createEmbeddedRedisBackend());
