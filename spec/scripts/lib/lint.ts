import { lint, loadConfig } from '@redocly/openapi-core';
import { REDOCLY_CONFIG, ROOT_DOC } from './paths.js';

/** One lint finding, flattened for printing and assertions. */
export interface LintFinding {
  ruleId: string;
  severity: string;
  message: string;
  /** JSON pointer (with the file it is in) of the first location, when redocly gives one. */
  where: string;
}

/** Lints spec/openapi.yaml (and every file it references) with the rules in spec/redocly.yaml. */
export async function lintSpec(ref = ROOT_DOC): Promise<LintFinding[]> {
  const config = await loadConfig({ configPath: REDOCLY_CONFIG });
  const problems = await lint({ ref, config });
  // Findings listed in spec/.redocly.lint-ignore.yaml come back flagged `ignored`.
  return problems
    .filter((p) => !p.ignored)
    .map((p) => {
      const loc = p.location[0];
      const file = loc?.source.absoluteRef.replace(/^.*\/spec\//, 'spec/') ?? '';
      return {
        ruleId: p.ruleId,
        severity: String(p.severity),
        message: p.message,
        where: loc ? `${file}${loc.pointer}` : '',
      };
    });
}
