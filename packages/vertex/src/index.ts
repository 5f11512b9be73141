export { BaseAnthropic } from '@sdkgen/anthropic/core/base-client';
export { UnsupportedOnPlatformError } from '@sdkgen/anthropic/core/platform';
export {
  AnthropicVertex as default,
  AnthropicVertex,
  type BetaResource,
  type ClientOptions,
  type MessagesResource,
} from './client.js';
