import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

const TEMPLATES = fileURLToPath(new URL('../../../templates/', import.meta.url));
const cache = new Map<string, Handlebars.TemplateDelegate>();

/** Renders `templates/<name>.hbs` with `data` (compiled once per process). */
export function render(name: string, data: object): string {
  let t = cache.get(name);
  if (!t) {
    t = Handlebars.compile(readFileSync(`${TEMPLATES}${name}.hbs`, 'utf8'), { noEscape: true, strict: true });
    cache.set(name, t);
  }
  return t(data);
}
