import { AnthropicError } from '../../core/error.js';
import type { RequestOptions } from '../../internal/request-options.js';
import type { BetaMessage, BetaMessageParam } from '../../resources/beta/messages/messages.js';
import {
  type CompactionControl,
  DEFAULT_SUMMARY_PROMPT,
  DEFAULT_TOKEN_THRESHOLD,
} from './CompactionControl.js';

/** Tokens the last exchange occupied: everything sent (including cache reads/writes) plus the reply. */
export function tokensUsed(message: BetaMessage): number {
  const usage = message.usage;
  return (
    usage.input_tokens +
    (usage.cache_creation_input_tokens ?? 0) +
    (usage.cache_read_input_tokens ?? 0) +
    usage.output_tokens
  );
}

/** True when compaction is on and the last response crossed the threshold. */
export function shouldCompact(control: CompactionControl | undefined, message: BetaMessage): boolean {
  if (!control?.enabled) return false;
  return tokensUsed(message) >= (control.contextTokenThreshold ?? DEFAULT_TOKEN_THRESHOLD);
}

/** What compaction needs: a non-streaming `create`. */
export type CompactionCreate = (
  params: { model: string; max_tokens: number; messages: BetaMessageParam[] },
  options?: RequestOptions,
) => PromiseLike<BetaMessage>;

/**
 * Asks the model for a summary of `messages` and returns the one-message conversation that replaces
 * them. Trailing `tool_use` blocks are dropped first, since their results do not exist yet and the API
 * rejects a `tool_use` without a matching `tool_result`.
 */
export async function compactMessages(
  create: CompactionCreate,
  messages: BetaMessageParam[],
  settings: { model: string; max_tokens: number; control: CompactionControl; options?: RequestOptions },
): Promise<BetaMessageParam[]> {
  const history = withoutPendingToolUse(messages);
  const summary = await create(
    {
      model: settings.control.model ?? settings.model,
      max_tokens: settings.max_tokens,
      messages: [
        ...history,
        {
          role: 'user',
          content: [{ type: 'text', text: settings.control.summaryPrompt ?? DEFAULT_SUMMARY_PROMPT }],
        },
      ],
    },
    { ...settings.options, headers: { 'x-stainless-helper': 'compaction' } },
  );
  if (summary.content[0]?.type !== 'text') throw new AnthropicError('Expected text response for compaction');
  return [{ role: 'user', content: summary.content as BetaMessageParam['content'] }];
}

function withoutPendingToolUse(messages: BetaMessageParam[]): BetaMessageParam[] {
  const last = messages.at(-1);
  if (last?.role !== 'assistant' || typeof last.content === 'string') return messages;
  const kept = last.content.filter((block) => block.type !== 'tool_use');
  const head = messages.slice(0, -1);
  return kept.length === 0 ? head : [...head, { ...last, content: kept }];
}
