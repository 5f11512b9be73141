import type { Model } from '../../resources/messages/messages.js';

/** Token count (input + cache + output of the last response) above which the tool runner compacts. */
export const DEFAULT_TOKEN_THRESHOLD = 100_000;

/** The instruction sent to the model to summarize the conversation when compacting. */
export const DEFAULT_SUMMARY_PROMPT = `The conversation so far is about to be replaced by a summary that you write now, so that work on the task can continue in a fresh context. The task is not finished yet. Write a summary that lets you pick the task up again without repeating work:

1. Goal: what the user asked for, the success criteria, and any constraints or preferences they stated.
2. Progress: what is already done, which files or resources were created, changed or inspected (with paths or identifiers), and the results obtained.
3. Findings: facts learned along the way, decisions taken and why, errors hit and how they were handled, and approaches that failed.
4. Remaining work: the concrete next steps in order, and any open questions or blockers.
5. Commitments: anything promised to the user and any detail that would be easy to lose.

Be brief but leave nothing out that would cause duplicated effort or repeated mistakes. Put the whole summary inside <summary></summary> tags.`;

/**
 * Settings for automatic context compaction in the tool runner: once a response reports more than
 * `contextTokenThreshold` tokens in use, the runner asks the model to summarize the conversation and
 * continues from that summary alone.
 *
 * @example
 * ```ts
 * client.beta.messages.toolRunner({ ...params, compactionControl: { enabled: true, contextTokenThreshold: 50_000 } });
 * ```
 */
export interface CompactionControl {
  /**
   * Compact once the last response's input + cache + output tokens reach this number.
   * @default 100000
   */
  contextTokenThreshold?: number;

  /** Model used to write the summary; defaults to the runner's model. */
  model?: Model;

  /**
   * Instruction used to ask for the summary.
   * @default DEFAULT_SUMMARY_PROMPT
   */
  summaryPrompt?: string;

  /** Turns compaction on. */
  enabled: boolean;
}
