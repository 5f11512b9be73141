import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { betaMemoryTool } from '../../src/helpers/beta/memory.js';
import { BetaLocalFilesystemMemoryTool } from '../../src/helpers/beta/memory-filesystem.js';
import { ToolError } from '../../src/lib/tools/ToolError.js';

let sandbox: string;
let root: string;
let tool: ReturnType<typeof betaMemoryTool>;

async function call(input: Record<string, unknown>): Promise<unknown> {
  return tool.run(tool.parse(input));
}

beforeEach(async () => {
  sandbox = await fs.mkdtemp(path.join(os.tmpdir(), 'memtool-'));
  root = path.join(sandbox, 'root');
  tool = betaMemoryTool(await BetaLocalFilesystemMemoryTool.init(root));
  await fs.writeFile(path.join(sandbox, 'secret.txt'), 'top secret\n');
});

afterEach(async () => {
  await fs.rm(sandbox, { recursive: true, force: true });
});

describe('betaMemoryTool with the local filesystem backend', () => {
  it('declares the memory tool', () => {
    expect(tool).toMatchObject({ type: 'memory_20250818', name: 'memory' });
  });

  it('creates, views, edits, inserts, renames and deletes files', async () => {
    await call({ command: 'create', path: '/memories/notes/todo.md', file_text: 'one\ntwo\nthree\n' });
    expect(await fs.readFile(path.join(root, 'notes/todo.md'), 'utf8')).toBe('one\ntwo\nthree\n');
    expect(await call({ command: 'view', path: '/memories/notes/todo.md' })).toBe(
      '     1\tone\n     2\ttwo\n     3\tthree',
    );
    expect(await call({ command: 'view', path: '/memories/notes/todo.md', view_range: [2, -1] })).toBe(
      '     2\ttwo\n     3\tthree',
    );
    await call({ command: 'str_replace', path: '/memories/notes/todo.md', old_str: 'two', new_str: 'TWO' });
    await call({
      command: 'insert',
      path: '/memories/notes/todo.md',
      insert_line: 1,
      insert_text: 'one and a half',
    });
    expect(await fs.readFile(path.join(root, 'notes/todo.md'), 'utf8')).toBe(
      'one\none and a half\nTWO\nthree\n',
    );
    expect(await call({ command: 'view', path: '/memories' })).toBe(
      'Directory /memories (two levels deep):\n/memories/notes/\n/memories/notes/todo.md',
    );
    await call({
      command: 'rename',
      old_path: '/memories/notes/todo.md',
      new_path: '/memories/done/todo.md',
    });
    expect(await fs.readdir(path.join(root, 'notes'))).toEqual([]);
    await call({ command: 'delete', path: '/memories/done' });
    expect(await fs.readdir(root)).toEqual(['notes']);
  });

  it('reports tool errors for missing files, ambiguous edits and bad ranges', async () => {
    await call({ command: 'create', path: '/memories/a.txt', file_text: 'x x\n' });
    await expect(call({ command: 'view', path: '/memories/nope.txt' })).rejects.toThrow(/does not exist/);
    await expect(
      call({ command: 'str_replace', path: '/memories/a.txt', old_str: 'x', new_str: 'y' }),
    ).rejects.toThrow(/occurs 2 times/);
    await expect(
      call({ command: 'str_replace', path: '/memories/a.txt', old_str: 'z', new_str: 'y' }),
    ).rejects.toThrow(/not found/);
    await expect(
      call({ command: 'insert', path: '/memories/a.txt', insert_line: 5, insert_text: 'y' }),
    ).rejects.toThrow(/out of range/);
    await expect(
      call({ command: 'rename', old_path: '/memories/a.txt', new_path: '/memories/a.txt' }),
    ).rejects.toThrow(/already exists/);
    await expect(call({ command: 'delete', path: '/memories' })).rejects.toBeInstanceOf(ToolError);
  });

  it('rejects malformed and unknown commands before touching the disk', () => {
    expect(() => tool.parse({ command: 'format_disk', path: '/memories' })).toThrow(/unknown memory command/);
    expect(() => tool.parse({ command: 'create', path: '/memories/a' })).toThrow(
      /'file_text' must be a string/,
    );
    expect(() => tool.parse('view /')).toThrow(ToolError);
  });

  it.each([
    '/memories/../secret.txt',
    '/memories/notes/../../secret.txt',
    '/etc/passwd',
    'memories/a.txt',
    '/memoriesX/a.txt',
    '/memories/./a.txt',
    '/memories/a\\..\\..\\secret.txt',
    '/memories/a\0.txt',
  ])('refuses the escaping path %j', async (bad) => {
    await expect(call({ command: 'create', path: bad, file_text: 'pwned' })).rejects.toBeInstanceOf(
      ToolError,
    );
    await expect(call({ command: 'view', path: bad })).rejects.toBeInstanceOf(ToolError);
    expect(await fs.readFile(path.join(sandbox, 'secret.txt'), 'utf8')).toBe('top secret\n');
  });

  it('refuses symlinks that point outside the root, for reads, writes and renames', async () => {
    await fs.symlink(sandbox, path.join(root, 'outdir'));
    await fs.symlink(path.join(sandbox, 'secret.txt'), path.join(root, 'outfile'));
    await expect(call({ command: 'view', path: '/memories/outfile' })).rejects.toThrow(/escapes/);
    await expect(call({ command: 'view', path: '/memories/outdir/secret.txt' })).rejects.toThrow(/escapes/);
    await expect(
      call({ command: 'create', path: '/memories/outdir/new.txt', file_text: 'pwned' }),
    ).rejects.toThrow(/escapes/);
    await expect(
      call({ command: 'rename', old_path: '/memories/outfile', new_path: '/memories/stolen.txt' }),
    ).rejects.toThrow(/escapes/);
    await expect(fs.access(path.join(sandbox, 'new.txt'))).rejects.toThrow();
    expect(await fs.readFile(path.join(sandbox, 'secret.txt'), 'utf8')).toBe('top secret\n');
  });

  it('allows symlinks that stay inside the root', async () => {
    await call({ command: 'create', path: '/memories/real/file.txt', file_text: 'inside\n' });
    await fs.symlink(path.join(root, 'real'), path.join(root, 'alias'));
    expect(await call({ command: 'view', path: '/memories/alias/file.txt' })).toBe('     1\tinside');
  });

  it('writes atomically: no temp files left, and a failed write keeps the old content', async () => {
    await call({ command: 'create', path: '/memories/keep.txt', file_text: 'original\n' });
    await call({ command: 'create', path: '/memories/keep.txt', file_text: 'second\n' });
    expect(await fs.readdir(root)).toEqual(['keep.txt']);
    // A directory where the file should go makes the write fail; the sibling file must be untouched.
    await fs.mkdir(path.join(root, 'dir.txt'));
    await expect(call({ command: 'create', path: '/memories/dir.txt', file_text: 'x' })).rejects.toThrow();
    expect(await fs.readFile(path.join(root, 'keep.txt'), 'utf8')).toBe('second\n');
    expect((await fs.readdir(root)).sort()).toEqual(['dir.txt', 'keep.txt']);
  });
});
