import Anthropic from '@sdkgen/anthropic';
import * as Resources from '@sdkgen/anthropic/resources';
import * as Beta from '@sdkgen/anthropic/resources/beta';
import { Beta as BetaFromBeta } from '@sdkgen/anthropic/resources/beta/beta';
import * as BetaFilesModule from '@sdkgen/anthropic/resources/beta/files';
import * as BetaFilesJs from '@sdkgen/anthropic/resources/beta/files.js';
import * as BetaFilesMjs from '@sdkgen/anthropic/resources/beta/files.mjs';
import * as BetaMessagesIndex from '@sdkgen/anthropic/resources/beta/messages';
import * as BetaMessagesModule from '@sdkgen/anthropic/resources/beta/messages/messages';
import * as BetaMessagesJs from '@sdkgen/anthropic/resources/beta/messages/messages.js';
import * as ResourcesIndex from '@sdkgen/anthropic/resources/index.js';
import * as GaMessagesIndex from '@sdkgen/anthropic/resources/messages';
import { type MessageStreamParams, Messages } from '@sdkgen/anthropic/resources/messages/messages';
import * as GaMessagesMjs from '@sdkgen/anthropic/resources/messages/messages.mjs';
import { describe, expect, expectTypeOf, it } from 'vitest';

const client = new Anthropic({ apiKey: 'k', baseURL: 'http://127.0.0.1:9' });

describe('deep-path resource classes are the ones the client uses (0.74.0)', () => {
  it('GA Messages from every public path is client.messages class, with stream() and parse()', () => {
    for (const M of [
      Messages,
      GaMessagesIndex.Messages,
      GaMessagesMjs.Messages,
      Resources.Messages,
      ResourcesIndex.Messages,
    ]) {
      expect(M).toBe(Anthropic.Messages);
      expect(client.messages).toBeInstanceOf(M);
      expect(typeof M.prototype.stream).toBe('function');
      expect(typeof M.prototype.parse).toBe('function');
    }
  });

  it('beta Messages from every public path has stream(), parse(), toolRunner() and the tool-runner statics', () => {
    for (const M of [
      BetaMessagesModule.Messages,
      BetaMessagesJs.Messages,
      BetaMessagesIndex.Messages,
      Beta.Messages,
    ]) {
      expect(M).toBe(Anthropic.Beta.Messages);
      expect(client.beta.messages).toBeInstanceOf(M);
      expect(typeof M.prototype.toolRunner).toBe('function');
      expect(typeof M.prototype.stream).toBe('function');
      expect(M.BetaToolRunner).toBe(BetaMessagesModule.BetaToolRunner);
      expect(M.ToolError).toBe(BetaMessagesModule.ToolError);
    }
    expect(typeof BetaMessagesIndex.BetaToolRunner).toBe('function');
  });

  it('Beta from resources/beta/beta exposes the overlay messages', () => {
    for (const B of [BetaFromBeta, Beta.Beta, Resources.Beta]) {
      expect(B).toBe(Anthropic.Beta);
      expect(B.Messages).toBe(Anthropic.Beta.Messages);
      expect(typeof new B(client).messages.toolRunner).toBe('function');
    }
  });

  it('beta Files from every public path is client.beta.files class, the upload overlay', () => {
    for (const F of [BetaFilesModule.Files, BetaFilesJs.Files, BetaFilesMjs.Files, Beta.Files]) {
      expect(F).toBe(Anthropic.Beta.Files);
      expect(client.beta.files).toBeInstanceOf(F);
      expect(Object.getPrototypeOf(client.beta.files)).toBe(F.prototype);
    }
    expectTypeOf<BetaFilesModule.Files.FileMetadata>().toEqualTypeOf<Anthropic.Beta.FileMetadata>();
    expectTypeOf<BetaFilesModule.FileUploadParams>().toEqualTypeOf<Anthropic.Beta.FileUploadParams>();
  });

  it('keeps the generated namespaces for types', () => {
    expectTypeOf<Messages.MessageParam>().toEqualTypeOf<Anthropic.MessageParam>();
    expectTypeOf<MessageStreamParams>().toEqualTypeOf<Anthropic.MessageStreamParams>();
    expectTypeOf<BetaMessagesModule.Messages.BetaMessage>().toEqualTypeOf<Anthropic.Beta.BetaMessage>();
    expectTypeOf<BetaMessagesModule.BetaToolRunnerParams>().toEqualTypeOf<Anthropic.Beta.Messages.BetaToolRunnerParams>();
    expectTypeOf(new Messages(client).stream).toBeFunction();
  });
});
