export { BaseAnthropic } from '@sdkgen/anthropic/core/base-client';
export { UnsupportedOnPlatformError } from '@sdkgen/anthropic/core/platform';
export {
  AnthropicFoundry as default,
  AnthropicFoundry,
  type BetaResource,
  type ClientOptions,
  type FoundryClientOptions,
  type MessagesResource,
} from './client.js';
export type { AzureADTokenProvider } from './core/auth.js';
