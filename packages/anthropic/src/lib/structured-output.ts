import { AnthropicError } from '../core/error.js';
import type { LooseBlock, LooseMessage } from './message-accumulator.js';

/**
 * Thrown when a response that should hold structured output cannot be parsed or fails validation.
 * The message is 0.74.0's (`Failed to parse structured output: ${error}`, the format's error in its
 * `String()` form); `rawText` is the model's text exactly as received, so callers can log, repair or retry it.
 *
 * @example
 * ```ts
 * try {
 *   await client.messages.parse(params);
 * } catch (err) {
 *   if (err instanceof StructuredOutputParseError) console.error(err.rawText);
 * }
 * ```
 */
export class StructuredOutputParseError extends AnthropicError {
  /** The unparsed text of the content block. */
  readonly rawText: string;

  constructor(rawText: string, cause: unknown) {
    super(`Failed to parse structured output: ${cause}`);
    this.name = 'StructuredOutputParseError';
    this.rawText = rawText;
    this.cause = cause;
  }
}

/** The part of an output format the parser looks at. */
export interface OutputFormatLike {
  type: string;
  parse?: (content: string) => unknown;
}

/** True if the format carries its own `parse` (built by `zodOutputFormat`, `jsonSchemaOutputFormat`, ...). */
export function isAutoParseable(format: OutputFormatLike | null | undefined): boolean {
  return typeof format?.parse === 'function';
}

/** Parses one text block's content according to `format`; `null` when the format is not JSON schema. */
export function parseOutputText(format: OutputFormatLike | null | undefined, text: string): unknown {
  if (format?.type !== 'json_schema') return null;
  try {
    return format.parse ? format.parse(text) : JSON.parse(text);
  } catch (error) {
    throw new StructuredOutputParseError(text, error);
  }
}

/**
 * Copies `message`, giving each text block a non-enumerable `parsed_output` (so re-sending the message
 * to the API does not send it) and the message the first non-null one. `decorate` lets the beta variant
 * add its deprecated `parsed` alias.
 */
export function withParsedOutput<M extends LooseMessage>(
  message: M,
  parseText: (text: string) => unknown,
  decorate?: (block: LooseBlock, parsed: unknown) => void,
): M & { parsed_output: unknown } {
  let first: unknown = null;
  const content = message.content.map((block) => {
    if (block.type !== 'text') return block;
    const parsed = parseText(block.text);
    if (first === null) first = parsed;
    const copy = Object.defineProperty({ ...block }, 'parsed_output', { value: parsed, enumerable: false });
    decorate?.(copy, parsed);
    return copy;
  });
  return { ...message, content, parsed_output: first };
}
