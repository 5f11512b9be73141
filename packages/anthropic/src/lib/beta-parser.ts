import type {
  BetaContentBlock,
  BetaJSONOutputFormat,
  BetaMessage,
  BetaOutputConfig,
  BetaTextBlock,
  MessageCreateParams,
} from '../resources/beta/messages/messages.js';
import type { LooseBlock } from './message-accumulator.js';
import type { ParserLogger } from './parser.js';
import { isAutoParseable, parseOutputText, withParsedOutput } from './structured-output.js';

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** A beta output format that knows how to parse the model's text into `ParsedT`. */
export type AutoParseableBetaOutputFormat<ParsedT> = BetaJSONOutputFormat & {
  parse(content: string): ParsedT;
};

type AutoParseableBetaOutputConfig = Omit<BetaOutputConfig, 'format'> & {
  format?: BetaJSONOutputFormat | AutoParseableBetaOutputFormat<any> | null;
};

/** Beta `MessageCreateParams` whose output format may be auto-parseable. */
export type BetaParseableMessageCreateParams = Simplify<
  Omit<MessageCreateParams, 'output_format' | 'output_config'> & {
    /** @deprecated Use `output_config.format`. */
    output_format?: BetaJSONOutputFormat | AutoParseableBetaOutputFormat<any> | null;
    output_config?: AutoParseableBetaOutputConfig | null;
  }
>;

/** The parsed type a beta params object's output format produces, or `null`. */
export type ExtractParsedContentFromBetaParams<Params extends BetaParseableMessageCreateParams> =
  Params['output_format'] extends AutoParseableBetaOutputFormat<infer P>
    ? P
    : Params['output_config'] extends { format: AutoParseableBetaOutputFormat<infer P> }
      ? P
      : null;

/** A beta text block with its parsed output, or any other beta content block. */
export type ParsedBetaContentBlock<ParsedT> =
  | (BetaTextBlock & { parsed_output: ParsedT | null })
  | Exclude<BetaContentBlock, BetaTextBlock>;

/** A `BetaMessage` with `parsed_output`. */
export type ParsedBetaMessage<ParsedT> = BetaMessage & {
  content: Array<ParsedBetaContentBlock<ParsedT>>;
  parsed_output: ParsedT | null;
};

function formatOf(params: BetaParseableMessageCreateParams | null) {
  // The deprecated top-level field wins, as it did before output_config existed.
  return params?.output_format ?? params?.output_config?.format;
}

/** Adds the deprecated `parsed` alias of `parsed_output`, warning on use. */
function deprecatedAlias(logger: ParserLogger) {
  return (block: LooseBlock, parsed: unknown) => {
    Object.defineProperty(block, 'parsed', {
      enumerable: false,
      get() {
        logger.warn(
          'The `parsed` property on `text` blocks is deprecated, please use `parsed_output` instead.',
        );
        return parsed;
      },
    });
  };
}

/**
 * Beta counterpart of `maybeParseMessage`: parses only when the format is auto-parseable.
 *
 * @example
 * ```ts
 * const parsed = maybeParseBetaMessage(message, params, { logger: console });
 * ```
 */
export function maybeParseBetaMessage<Params extends BetaParseableMessageCreateParams | null>(
  message: BetaMessage,
  params: Params,
  opts: { logger: ParserLogger },
): ParsedBetaMessage<ExtractParsedContentFromBetaParams<NonNullable<Params>>> {
  if (!params || !isAutoParseable(formatOf(params))) {
    return withParsedOutput(message, () => null, deprecatedAlias(opts.logger)) as any;
  }
  return parseBetaMessage(message, params, opts);
}

/**
 * Beta counterpart of `parseMessage`. Throws `StructuredOutputParseError` (with the raw text) on failure.
 *
 * @example
 * ```ts
 * const parsed = parseBetaMessage(message, params, { logger: console });
 * ```
 */
export function parseBetaMessage<Params extends BetaParseableMessageCreateParams>(
  message: BetaMessage,
  params: Params,
  opts: { logger: ParserLogger },
): ParsedBetaMessage<ExtractParsedContentFromBetaParams<Params>> {
  const format = formatOf(params);
  return withParsedOutput(
    message,
    (text) => parseOutputText(format, text),
    deprecatedAlias(opts.logger),
  ) as any;
}
