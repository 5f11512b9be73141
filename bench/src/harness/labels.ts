/** Display names of subjects; versions are added where known. */
const NAMES: Record<string, string> = {
  ours: 'ours',
  'sdk-0.74.0': '0.74.0',
  'sdk-latest': 'latest',
  lean: 'lean fetch',
  'openapi-typescript': 'openapi-typescript',
  'hey-api': '@hey-api/openapi-ts',
};

/** Chart colours per subject (ours stands out; the official releases are grey and blue). */
export const COLORS: Record<string, string> = {
  ours: '#d9480f',
  'sdk-0.74.0': '#868e96',
  'sdk-latest': '#1c7ed6',
  lean: '#2b8a3e',
  'openapi-typescript': '#7048e8',
  'hey-api': '#0c8599',
};

/**
 * Label of a subject for tables and charts, e.g. `latest (1.12.0)`.
 *
 * @example
 * ```ts
 * subjectLabel('sdk-latest', { 'sdk-latest': '1.12.0' }); // 'latest (1.12.0)'
 * ```
 */
export function subjectLabel(subject: string, versions: Record<string, string> = {}): string {
  const name = NAMES[subject] ?? subject;
  const v = versions[subject];
  return v && subject !== 'sdk-0.74.0' && subject !== 'ours' ? `${name} (${v})` : name;
}

/** Label of the growth rows that are lower bounds (the report prints them with "≥"). */
export const LOWER_BOUND = 'lower bound, last measured size to the first one over budget';
