import { AnthropicError } from '../core/error.js';
import { IncrementalJSONParser } from './partial-json/incremental-parser.js';

/**
 * The structural common ground of GA and beta messages, content blocks and stream events. The GA and
 * beta stream classes share this one accumulator and cast to their precise types at the boundary.
 */
export interface LooseBlock {
  type: string;
  [key: string]: any;
}

export interface LooseMessage {
  content: LooseBlock[];
  usage: Record<string, any>;
  [key: string]: any;
}

export type LooseStreamEvent =
  | { type: 'message_start'; message: LooseMessage }
  | { type: 'message_delta'; delta: Record<string, any>; usage: Record<string, any>; [key: string]: any }
  | { type: 'message_stop' }
  | { type: 'content_block_start'; index: number; content_block: LooseBlock }
  | { type: 'content_block_delta'; index: number; delta: { type: string; [key: string]: any } }
  | { type: 'content_block_stop'; index: number };

/** Block types whose `input` is streamed as `input_json_delta` fragments. */
const TOOL_INPUT_BLOCKS = new Set(['tool_use', 'server_tool_use', 'mcp_tool_use']);

/** What a content-block delta changed, for the stream to turn into its typed events. */
export type DeltaEffect =
  | { kind: 'text'; delta: string; snapshot: string }
  | { kind: 'citation'; citation: unknown; snapshot: unknown[] }
  | { kind: 'inputJson'; delta: string; snapshot: unknown }
  | { kind: 'thinking'; delta: string; snapshot: string }
  | { kind: 'signature'; signature: string }
  | { kind: 'compaction'; snapshot: string }
  | { kind: 'none' };

const NO_EFFECT: DeltaEffect = { kind: 'none' };

/**
 * Folds raw stream events into a message snapshot. The snapshot is mutated in place (tool inputs via
 * an {@link IncrementalJSONParser} per block), so every event costs time proportional to its own size.
 */
export class MessageAccumulator {
  #snapshot: LooseMessage | undefined;
  /** Per tool-input block: its parser, and the raw fragments (kept for the error message). */
  #parsers = new Map<number, { parser: IncrementalJSONParser; fragments: string[] }>();
  /** The effect of the last content_block_delta passed to {@link apply}. */
  lastDelta: DeltaEffect = { kind: 'none' };

  get snapshot(): LooseMessage | undefined {
    return this.#snapshot;
  }

  /** Forgets the current message (a new request starts). */
  reset(): void {
    this.#snapshot = undefined;
    this.#parsers.clear();
  }

  /**
   * Applies one event and returns the updated snapshot. Throws on out-of-order events; like 0.74.0, a
   * delta of an unknown type or for a block that has not started changes nothing.
   */
  apply(event: LooseStreamEvent): LooseMessage {
    if (event.type === 'message_start') {
      if (this.#snapshot)
        throw new AnthropicError(`Unexpected event order, got ${event.type} before receiving "message_stop"`);
      this.#snapshot = {
        ...event.message,
        content: [...event.message.content],
        usage: { ...event.message.usage },
      };
      return this.#snapshot;
    }
    const snapshot = this.#snapshot;
    if (!snapshot)
      throw new AnthropicError(`Unexpected event order, got ${event.type} before "message_start"`);
    switch (event.type) {
      case 'message_delta':
        mergeMessageDelta(snapshot, event);
        break;
      case 'content_block_start':
        snapshot.content[event.index] = { ...event.content_block };
        break;
      case 'content_block_delta':
        this.lastDelta = this.#applyDelta(snapshot, event.index, event.delta);
        break;
      case 'content_block_stop':
        this.#finishToolInput(snapshot, event.index);
        break;
    }
    return snapshot;
  }

  #applyDelta(
    snapshot: LooseMessage,
    index: number,
    delta: { type: string; [key: string]: any },
  ): DeltaEffect {
    const block = snapshot.content[index];
    if (!block) return NO_EFFECT;
    switch (delta.type) {
      case 'text_delta':
        block.text = (block.text ?? '') + delta.text;
        return { kind: 'text', delta: delta.text, snapshot: block.text };
      case 'citations_delta':
        block.citations = [...(block.citations ?? []), delta.citation];
        return { kind: 'citation', citation: delta.citation, snapshot: block.citations };
      case 'input_json_delta':
        return this.#applyInputJson(block, index, delta.partial_json);
      case 'thinking_delta':
        block.thinking = (block.thinking ?? '') + delta.thinking;
        return { kind: 'thinking', delta: delta.thinking, snapshot: block.thinking };
      case 'signature_delta':
        block.signature = delta.signature;
        return { kind: 'signature', signature: delta.signature };
      case 'compaction_delta':
        block.content = (block.content ?? '') + delta.content;
        return { kind: 'compaction', snapshot: block.content };
      default:
        return NO_EFFECT;
    }
  }

  #applyInputJson(block: LooseBlock, index: number, fragment: string): DeltaEffect {
    if (!TOOL_INPUT_BLOCKS.has(block.type) && !('input' in block)) return NO_EFFECT;
    let entry = this.#parsers.get(index);
    if (!entry) this.#parsers.set(index, (entry = { parser: new IncrementalJSONParser(), fragments: [] }));
    const { parser, fragments } = entry;
    fragments.push(fragment);
    try {
      parser.feed(fragment);
    } catch (err) {
      // 0.74.0's wording, raw JSON included.
      throw new AnthropicError(
        `Unable to parse tool parameter JSON from model. Please retry your request or adjust your prompt. Error: ${err}. JSON: ${fragments.join('')}`,
      );
    }
    const value = parser.snapshot();
    if (value !== undefined) block.input = value;
    return { kind: 'inputJson', delta: fragment, snapshot: block.input };
  }

  /** At block end, a complete input is taken as final; a truncated one keeps its best-effort snapshot. */
  #finishToolInput(snapshot: LooseMessage, index: number): void {
    const parser = this.#parsers.get(index)?.parser;
    const block = snapshot.content[index];
    if (!parser || !block) return;
    this.#parsers.delete(index);
    if (parser.isComplete) block.input = parser.finish();
  }
}

function mergeMessageDelta(
  snapshot: LooseMessage,
  event: { delta: Record<string, any>; usage: Record<string, any> },
) {
  for (const [key, value] of Object.entries(event.delta)) snapshot[key] = value;
  // Usage in message_delta is cumulative; fields it omits (or sends as null) keep their earlier values.
  for (const [key, value] of Object.entries(event.usage ?? {})) {
    if (value !== null && value !== undefined) snapshot.usage[key] = value;
  }
  for (const [key, value] of Object.entries(event)) {
    if (key !== 'type' && key !== 'delta' && key !== 'usage') snapshot[key] = value;
  }
}
