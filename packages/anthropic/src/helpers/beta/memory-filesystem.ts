import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as nodePath from 'node:path';
import { ToolError } from '../../lib/tools/ToolError.js';
import type {
  BetaMemoryTool20250818CreateCommand,
  BetaMemoryTool20250818DeleteCommand,
  BetaMemoryTool20250818InsertCommand,
  BetaMemoryTool20250818RenameCommand,
  BetaMemoryTool20250818StrReplaceCommand,
  BetaMemoryTool20250818ViewCommand,
} from '../../resources/beta/messages/messages.js';
import type { MemoryToolHandlers } from './memory.js';

/** The virtual directory the model sees; every memory path must live under it. */
const MEMORY_PREFIX = '/memories';

/**
 * Memory tool handlers backed by a directory on the local disk (Node.js only).
 *
 * The model addresses files as `/memories/...`; they map to files under `root`. Any path that could
 * leave the root is refused: `..` or `.` segments, paths outside `/memories`, NUL bytes, and symlinks
 * (anywhere along the path) that resolve outside the root. Writes go to a temporary file in the same
 * directory which is then renamed over the target, so a failed write never loses the previous content.
 *
 * @example
 * ```ts
 * const memory = betaMemoryTool(await BetaLocalFilesystemMemoryTool.init('./agent-memory'));
 * ```
 */
export class BetaLocalFilesystemMemoryTool implements MemoryToolHandlers {
  /** Canonical (symlink-free) absolute path of the backing directory. */
  readonly root: string;

  private constructor(root: string) {
    this.root = root;
  }

  /** Creates the backing directory if needed and returns handlers rooted there. */
  static async init(rootDir: string): Promise<BetaLocalFilesystemMemoryTool> {
    await fs.mkdir(rootDir, { recursive: true });
    return new BetaLocalFilesystemMemoryTool(await fs.realpath(rootDir));
  }

  /** Lists a directory (two levels deep) or shows a file with line numbers, optionally a line range. */
  async view(command: BetaMemoryTool20250818ViewCommand): Promise<string> {
    const target = await this.#resolve(command.path);
    const stat = await fs.stat(target).catch(() => missing(command.path));
    if (stat.isDirectory()) {
      const lines = await this.#listTree(target, command.path.replace(/\/+$/, ''), 2);
      return [`Directory ${command.path} (two levels deep):`, ...lines].join('\n');
    }
    const text = await fs.readFile(target, 'utf8');
    return numberLines(text, command.view_range);
  }

  /** Creates or overwrites a file. */
  async create(command: BetaMemoryTool20250818CreateCommand): Promise<string> {
    const target = await this.#resolve(command.path);
    if (target === this.root) throw new ToolError('cannot overwrite the /memories directory');
    await fs.mkdir(nodePath.dirname(target), { recursive: true });
    await atomicWrite(target, command.file_text);
    return `Created ${command.path}`;
  }

  /** Replaces the single occurrence of `old_str` with `new_str`. */
  async str_replace(command: BetaMemoryTool20250818StrReplaceCommand): Promise<string> {
    const target = await this.#resolve(command.path);
    const text = await this.#readFile(target, command.path);
    const count = text.split(command.old_str).length - 1;
    if (command.old_str === '' || count === 0) {
      throw new ToolError(`old_str was not found verbatim in ${command.path}`);
    }
    if (count > 1) throw new ToolError(`old_str occurs ${count} times in ${command.path}; it must be unique`);
    const index = text.indexOf(command.old_str);
    await atomicWrite(
      target,
      text.slice(0, index) + command.new_str + text.slice(index + command.old_str.length),
    );
    return `Edited ${command.path}`;
  }

  /** Inserts text after line `insert_line` (0 inserts at the top). */
  async insert(command: BetaMemoryTool20250818InsertCommand): Promise<string> {
    const target = await this.#resolve(command.path);
    const text = await this.#readFile(target, command.path);
    const trailingNewline = text.endsWith('\n');
    const lines = text === '' ? [] : (trailingNewline ? text.slice(0, -1) : text).split('\n');
    const at = command.insert_line;
    if (!Number.isInteger(at) || at < 0 || at > lines.length) {
      throw new ToolError(`insert_line ${at} is out of range 0..${lines.length} for ${command.path}`);
    }
    lines.splice(at, 0, ...command.insert_text.replace(/\n$/, '').split('\n'));
    await atomicWrite(target, lines.join('\n') + (trailingNewline || text === '' ? '\n' : ''));
    return `Inserted text after line ${at} of ${command.path}`;
  }

  /** Deletes a file or a directory tree. */
  async delete(command: BetaMemoryTool20250818DeleteCommand): Promise<string> {
    const target = await this.#resolve(command.path);
    if (target === this.root) throw new ToolError('cannot delete the /memories directory itself');
    await fs.lstat(target).catch(() => missing(command.path));
    await fs.rm(target, { recursive: true });
    return `Deleted ${command.path}`;
  }

  /** Moves a file or directory; the destination must not exist. */
  async rename(command: BetaMemoryTool20250818RenameCommand): Promise<string> {
    const from = await this.#resolve(command.old_path);
    const to = await this.#resolve(command.new_path);
    if (from === this.root || to === this.root) throw new ToolError('cannot rename the /memories directory');
    await fs.lstat(from).catch(() => missing(command.old_path));
    if (await exists(to)) throw new ToolError(`${command.new_path} already exists`);
    await fs.mkdir(nodePath.dirname(to), { recursive: true });
    await fs.rename(from, to);
    return `Renamed ${command.old_path} to ${command.new_path}`;
  }

  /** Maps a `/memories/...` path to a real path under the root, refusing anything that escapes it. */
  async #resolve(memoryPath: string): Promise<string> {
    if (typeof memoryPath !== 'string' || memoryPath.includes('\0')) throw new ToolError('invalid path');
    if (memoryPath !== MEMORY_PREFIX && !memoryPath.startsWith(`${MEMORY_PREFIX}/`)) {
      throw new ToolError(`path must start with ${MEMORY_PREFIX}: ${memoryPath}`);
    }
    const segments = memoryPath.slice(MEMORY_PREFIX.length).split('/').filter(Boolean);
    if (segments.some((s) => s === '..' || s === '.' || s.includes('\\'))) {
      throw new ToolError(`path may not contain '.', '..' or backslashes: ${memoryPath}`);
    }
    const target = nodePath.join(this.root, ...segments);
    // The deepest existing ancestor (or the target) must resolve inside the root: this catches symlinks.
    let probe = target;
    for (;;) {
      const real = await fs.realpath(probe).catch(() => undefined);
      if (real !== undefined) {
        if (!isInside(this.root, real))
          throw new ToolError(`path escapes the memory directory: ${memoryPath}`);
        return target;
      }
      probe = nodePath.dirname(probe);
    }
  }

  async #readFile(target: string, shownPath: string): Promise<string> {
    const stat = await fs.stat(target).catch(() => missing(shownPath));
    if (!stat.isFile()) throw new ToolError(`${shownPath} is not a file`);
    return fs.readFile(target, 'utf8');
  }

  async #listTree(dir: string, shown: string, depth: number): Promise<string[]> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    const lines: string[] = [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const child = `${shown}/${entry.name}`;
      if (entry.isDirectory()) {
        lines.push(`${child}/`);
        if (depth > 1)
          lines.push(...(await this.#listTree(nodePath.join(dir, entry.name), child, depth - 1)));
      } else {
        lines.push(child);
      }
    }
    return lines;
  }
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(nodePath.sep) ? root : root + nodePath.sep);
}

function missing(shownPath: string): never {
  throw new ToolError(`${shownPath} does not exist`);
}

async function exists(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}

function numberLines(text: string, range: number[] | undefined): string {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  let start = 1;
  let end = lines.length;
  if (range && range.length === 2) {
    [start, end] = [range[0]!, range[1] === -1 ? lines.length : range[1]!];
    if (start < 1 || start > Math.max(lines.length, 1) || end < start || end > lines.length) {
      throw new ToolError(
        `view_range [${range.join(', ')}] is out of range for a file of ${lines.length} lines`,
      );
    }
  }
  return lines
    .slice(start - 1, end)
    .map((line, i) => `${String(start + i).padStart(6)}\t${line}`)
    .join('\n');
}

/** Writes via a temp file in the same directory and a rename, so readers never see a partial file. */
async function atomicWrite(target: string, content: string): Promise<void> {
  const existing = await fs.lstat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new ToolError(`${nodePath.basename(target)} is a directory`);
  const temp = nodePath.join(
    nodePath.dirname(target),
    `.${nodePath.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    await fs.rename(temp, target);
  } catch (err) {
    await handle.close().catch(() => {});
    await fs.rm(temp, { force: true });
    throw err;
  }
}
