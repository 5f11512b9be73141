/**
 * The fixture SDK the runtime's tests run against (vitest.config.ts puts it in place of src/internal/sdk-facts.ts):
 * the example's facts, plus a list of stream events so that keep-alive skipping is exercised.
 */
import type { SDKFacts } from '../src/internal/sdk-facts.js';

export type { CredentialFact, NonStreamingLimit, SDKFacts } from '../src/internal/sdk-facts.js';

export const SDK: SDKFacts = {
  clientName: 'Example',
  baseURL: 'https://api.example.com',
  baseURLEnv: 'EXAMPLE_BASE_URL',
  logLevelEnv: 'EXAMPLE_LOG',
  timeoutMs: 600_000,
  maxRetries: 2,
  credentials: [
    {
      option: 'apiKey',
      method: 'apiKeyAuth',
      env: 'EXAMPLE_API_KEY',
      header: 'X-Api-Key',
      format: '{value}',
    },
    {
      option: 'authToken',
      method: 'bearerAuth',
      env: 'EXAMPLE_AUTH_TOKEN',
      header: 'Authorization',
      format: 'Bearer {value}',
    },
  ],
  defaultHeaders: { 'example-version': '2024-01-01' },
  browserAccessHeader: 'example-dangerous-direct-browser-access',
  requestIdHeader: 'request-id',
  streamEvents: [
    'completion',
    'message_start',
    'message_delta',
    'message_stop',
    'content_block_start',
    'content_block_delta',
    'content_block_stop',
  ],
  streamRetryableErrors: ['temporarily_unavailable'],
  nonStreamingLimit: {
    defaultMs: 600_000,
    maxTimeMs: 3_600_000,
    tokensPerMaxTime: 128_000,
    errorMessage: 'Streaming is required for operations that may take longer than 10 minutes.',
  },
};
