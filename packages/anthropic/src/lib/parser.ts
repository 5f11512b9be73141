import type {
  ContentBlock,
  JSONOutputFormat,
  Message,
  MessageCreateParams,
  OutputConfig,
  TextBlock,
} from '../resources/messages/messages.js';
import { isAutoParseable, parseOutputText, withParsedOutput } from './structured-output.js';

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** An output format that knows how to parse (and usually validate) the model's text into `ParsedT`. */
export type AutoParseableOutputFormat<ParsedT> = JSONOutputFormat & {
  parse(content: string): ParsedT;
};

type AutoParseableOutputConfig = Omit<OutputConfig, 'format'> & {
  format?: JSONOutputFormat | AutoParseableOutputFormat<any> | null;
};

/** `MessageCreateParams` whose `output_config.format` may be an auto-parseable format. */
export type ParseableMessageCreateParams = Simplify<
  Omit<MessageCreateParams, 'output_config'> & { output_config?: AutoParseableOutputConfig | null }
>;

/** The parsed type a params object's output format produces, or `null` if it has none. */
export type ExtractParsedContentFromParams<Params extends ParseableMessageCreateParams> =
  Params['output_config'] extends { format: AutoParseableOutputFormat<infer P> } ? P : null;

/** A text block carrying its parsed structured output, or any other content block. */
export type ParsedContentBlock<ParsedT> =
  | (TextBlock & { parsed_output: ParsedT | null })
  | Exclude<ContentBlock, TextBlock>;

/** A `Message` with `parsed_output` (from its first text block) and per-block `parsed_output`. */
export type ParsedMessage<ParsedT> = Message & {
  content: Array<ParsedContentBlock<ParsedT>>;
  parsed_output: ParsedT | null;
};

/** Minimal logger the parsers accept (kept for signature compatibility). */
export interface ParserLogger {
  warn(...args: unknown[]): void;
}

function formatOf(
  params: ParseableMessageCreateParams | null,
): JSONOutputFormat | AutoParseableOutputFormat<any> | null | undefined {
  return params?.output_config?.format;
}

/**
 * Parses the message's text as structured output when the params carry an auto-parseable format;
 * otherwise returns it with `parsed_output: null`. Used by `MessageStream`.
 *
 * @example
 * ```ts
 * const parsed = maybeParseMessage(message, params, { logger: console });
 * ```
 */
export function maybeParseMessage<Params extends ParseableMessageCreateParams | null>(
  message: Message,
  params: Params,
  opts: { logger: ParserLogger },
): ParsedMessage<ExtractParsedContentFromParams<NonNullable<Params>>> {
  if (!params || !isAutoParseable(formatOf(params))) {
    return withParsedOutput(message, () => null) as any;
  }
  return parseMessage(message, params, opts);
}

/**
 * Parses every text block of `message` with the params' output format (plain JSON formats are
 * `JSON.parse`d). Throws `StructuredOutputParseError` (carrying the raw text) on failure.
 *
 * @example
 * ```ts
 * const parsed = parseMessage(message, params, { logger: console });
 * console.log(parsed.parsed_output);
 * ```
 */
export function parseMessage<Params extends ParseableMessageCreateParams>(
  message: Message,
  params: Params,
  _opts: { logger: ParserLogger },
): ParsedMessage<ExtractParsedContentFromParams<Params>> {
  const format = formatOf(params);
  return withParsedOutput(message, (text) => parseOutputText(format, text)) as any;
}
