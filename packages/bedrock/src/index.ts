export { BaseAnthropic } from '@sdkgen/anthropic/core/base-client';
export { UnsupportedOnPlatformError } from '@sdkgen/anthropic/core/platform';
export {
  AnthropicBedrock as default,
  AnthropicBedrock,
  type BetaResource,
  type ClientOptions,
  type MessagesResource,
} from './client.js';
export { BedrockCredentialsError, type ProviderChainResolver } from './core/credentials.js';
