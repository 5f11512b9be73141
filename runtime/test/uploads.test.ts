// multipartFormRequestOptions is what generated upload methods call; like 0.74.0 it lives in
// internal/, so this runtime unit test imports it from there.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { toFile } from '../src/core/uploads.js';
import { multipartFormRequestOptions } from '../src/internal/uploads.js';
import { clientFor, type FaultServer, json, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-uploads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = async (f: File) => Buffer.from(await f.arrayBuffer()).toString('utf8');

describe('toFile', () => {
  it('from a Buffer, with name and type', async () => {
    const f = await toFile(Buffer.from('hello'), 'a.txt', { type: 'text/plain' });
    expect([f.name, f.type, await text(f)]).toEqual(['a.txt', 'text/plain', 'hello']);
  });

  it('from a Uint8Array and an ArrayBuffer', async () => {
    const bytes = new TextEncoder().encode('bytes');
    expect(await text(await toFile(bytes, 'u.bin'))).toBe('bytes');
    expect(await text(await toFile(bytes.buffer.slice(0) as ArrayBuffer, 'ab.bin'))).toBe('bytes');
  });

  it('from a DataView', async () => {
    const bytes = new TextEncoder().encode('view');
    expect(await text(await toFile(new DataView(bytes.buffer), 'dv.bin'))).toBe('view');
  });

  it('from a Blob keeps its type', async () => {
    const f = await toFile(new Blob(['blob'], { type: 'image/png' }), 'b.png');
    expect([f.type, await text(f)]).toEqual(['image/png', 'blob']);
  });

  it('returns a File unchanged when no name or options are given, and renames otherwise', async () => {
    const original = new File(['f'], 'orig.txt', { type: 'text/plain' });
    expect(await toFile(original)).toBe(original);
    const renamed = await toFile(original, 'new.txt');
    expect([renamed.name, renamed.type, await text(renamed)]).toEqual(['new.txt', 'text/plain', 'f']);
  });

  it('from fs.createReadStream takes the base name of the path', async () => {
    const path = join(dir, 'doc.md');
    writeFileSync(path, '# doc');
    const f = await toFile(createReadStream(path));
    expect([f.name, await text(f)]).toEqual(['doc.md', '# doc']);
  });

  it('from a Response takes the last URL segment as the name', async () => {
    const response = new Response('from response');
    Object.defineProperty(response, 'url', { value: 'https://example.com/files/report.pdf' });
    const f = await toFile(response);
    expect([f.name, await text(f)]).toEqual(['report.pdf', 'from response']);
  });

  it('from an async iterable of chunks (and a promise of one)', async () => {
    async function* parts() {
      yield 'a';
      yield new TextEncoder().encode('b');
      yield new Blob(['c']);
    }
    expect(await text(await toFile(parts(), 'it.txt'))).toBe('abc');
    expect(await text(await toFile(Promise.resolve(Buffer.from('p')), 'p.txt'))).toBe('p');
  });

  it('rejects unsupported input with a descriptive error', async () => {
    await expect(toFile({ nope: 1 } as never)).rejects.toThrow(/Unexpected data type: object/);
  });
});

describe('multipart bodies', () => {
  it('sends fields, nested objects and arrays of files, as the server parses them', async () => {
    server = await startServer([json({ id: 'file_1' })]);
    const client = clientFor(server);
    const path = join(dir, 'c.txt');
    writeFileSync(path, 'from disk');
    const body = {
      purpose: 'test',
      count: 2,
      files: [
        await toFile(Buffer.from('one'), 'a.txt'),
        new File(['two'], 'dir/b.txt', { type: 'text/plain' }),
      ],
      stream: createReadStream(path),
      meta: { owner: 'me', skip: undefined },
    };
    const result = await client.post('/v1/files', await multipartFormRequestOptions({ body }, client));
    expect(result).toEqual({ id: 'file_1' });

    const req = server.requests[0]!;
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(req.body), {
      headers: { 'content-type': req.headers['content-type']! },
    }).formData();
    expect(form.get('purpose')).toBe('test');
    expect(form.get('count')).toBe('2');
    expect(form.get('meta[owner]')).toBe('me');
    expect(form.has('meta[skip]')).toBe(false);
    const files = form.getAll('files[]') as File[];
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
    expect(await Promise.all(files.map(text))).toEqual(['one', 'two']);
    expect(files[1]!.type).toBe('text/plain');
    const streamed = form.get('stream') as File;
    expect([streamed.name, await text(streamed)]).toEqual(['c.txt', 'from disk']);
  });

  it('rejects null values with a helpful message', async () => {
    await expect(multipartFormRequestOptions({ body: { x: null } })).rejects.toThrow(/Received null for "x"/);
  });
});
