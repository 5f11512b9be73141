import { afterAll, describe, expect, it } from 'vitest';
import type { Bump, ChangeKind } from './change.js';
import { baseSpec, removeTempDirs, writeSpec } from './fixtures.js';
import { diffSpecs, formatReport, locateSpec, maxBump } from './index.js';

type Spec = Record<string, any>;
const schemas = (s: Spec) => s.components.schemas;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

interface Case {
  name: string;
  edit: (s: Spec) => void;
  /** Overall bump of the pair. */
  bump: Bump;
  /** One change that must be reported: its kind, bump and a fragment of its subject. */
  want: { kind: ChangeKind; bump: Bump; subject: string };
}

// One row per class of change; each edits a clone of the same base spec.
const cases: Case[] = [
  {
    name: 'operation added',
    edit: (s) => {
      s.paths['/v1/models/{model_id}'] = {
        get: {
          operationId: 'models-retrieve',
          parameters: [{ name: 'model_id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: ref('ModelInfo') } } },
          },
        },
      };
    },
    bump: 'minor',
    want: { kind: 'added', bump: 'minor', subject: 'operation `get /v1/models/{model_id}`' },
  },
  {
    name: 'operation removed',
    edit: (s) => delete s.paths['/v1/models'],
    bump: 'major',
    want: { kind: 'removed', bump: 'major', subject: 'operation `get /v1/models`' },
  },
  {
    name: 'operation moved to a new path (same operationId)',
    edit: (s) => {
      s.paths['/v2/models'] = s.paths['/v1/models'];
      delete s.paths['/v1/models'];
    },
    bump: 'major',
    want: { kind: 'renamed', bump: 'major', subject: 'operation `get /v1/models`' },
  },
  {
    name: 'optional response field added',
    edit: (s) => (schemas(s).Message.properties.model = { type: 'string' }),
    bump: 'minor',
    want: { kind: 'added', bump: 'minor', subject: 'property `Message.model`' },
  },
  {
    name: 'required response field added (readers only gain a field)',
    edit: (s) => {
      schemas(s).Message.properties.role = { const: 'assistant' };
      schemas(s).Message.required.push('role');
    },
    bump: 'minor',
    want: { kind: 'added', bump: 'minor', subject: 'property `Message.role`' },
  },
  {
    name: 'required request field added',
    edit: (s) => {
      schemas(s).MessageCreateParams.properties.messages = { type: 'array', items: { type: 'string' } };
      schemas(s).MessageCreateParams.required.push('messages');
    },
    bump: 'major',
    want: { kind: 'added', bump: 'major', subject: 'property `MessageCreateParams.messages`' },
  },
  {
    name: 'field removed',
    edit: (s) => delete schemas(s).ModelInfo.properties.display_name,
    bump: 'major',
    want: { kind: 'removed', bump: 'major', subject: 'property `ModelInfo.display_name`' },
  },
  {
    name: 'schema renamed (same shape, new name)',
    edit: (s) => {
      schemas(s).ModelDetails = schemas(s).ModelInfo;
      delete schemas(s).ModelInfo;
      schemas(s).ModelList.properties.data.items = ref('ModelDetails');
    },
    bump: 'major',
    want: { kind: 'renamed', bump: 'major', subject: 'type `ModelInfo`' },
  },
  {
    name: 'request field type narrowed (string -> enum)',
    edit: (s) =>
      (schemas(s).MessageCreateParams.properties.model = { type: 'string', enum: ['claude-a', 'claude-b'] }),
    bump: 'major',
    want: { kind: 'narrowed', bump: 'major', subject: '`MessageCreateParams.model`' },
  },
  {
    name: 'enum value removed',
    edit: (s) => (schemas(s).MessageCreateParams.properties.service_tier.enum = ['auto']),
    bump: 'major',
    want: { kind: 'narrowed', bump: 'major', subject: '`MessageCreateParams.service_tier`' },
  },
  {
    name: 'enum value added',
    edit: (s) => schemas(s).Message.properties.stop_reason.enum.push('tool_use'),
    bump: 'minor',
    want: { kind: 'widened', bump: 'minor', subject: '`Message.stop_reason`' },
  },
  {
    name: 'union variant added',
    edit: (s) => {
      schemas(s).ThinkingBlock = {
        type: 'object',
        required: ['type'],
        properties: { type: { const: 'thinking' } },
      };
      schemas(s).ContentBlock.oneOf.push(ref('ThinkingBlock'));
    },
    bump: 'minor',
    want: { kind: 'widened', bump: 'minor', subject: '`ContentBlock`' },
  },
  {
    name: 'returned field may now be null',
    edit: (s) => (schemas(s).Message.properties.stop_reason.type = ['string', 'null']),
    bump: 'major',
    want: { kind: 'widened', bump: 'major', subject: '`Message.stop_reason`' },
  },
  {
    name: 'returned field loosened to unknown',
    edit: (s) => (schemas(s).ModelInfo.properties.display_name = {}),
    bump: 'major',
    want: { kind: 'widened', bump: 'major', subject: '`ModelInfo.display_name`' },
  },
  {
    name: 'sent field loosened to unknown',
    edit: (s) => (schemas(s).MessageCreateParams.properties.temperature = {}),
    bump: 'minor',
    want: { kind: 'widened', bump: 'minor', subject: '`MessageCreateParams.temperature`' },
  },
  {
    name: 'field type changed (integer -> string)',
    edit: (s) => (schemas(s).MessageCreateParams.properties.max_tokens = { type: 'string' }),
    bump: 'major',
    want: { kind: 'changed', bump: 'major', subject: '`MessageCreateParams.max_tokens`' },
  },
  {
    name: 'request field made required',
    edit: (s) => schemas(s).MessageCreateParams.required.push('temperature'),
    bump: 'major',
    want: { kind: 'made required', bump: 'major', subject: 'property `MessageCreateParams.temperature`' },
  },
  {
    name: 'returned field made optional',
    edit: (s) => (schemas(s).Message.required = ['id', 'content']),
    bump: 'major',
    want: { kind: 'made optional', bump: 'major', subject: 'property `Message.stop_reason`' },
  },
  {
    name: 'query parameter made required',
    edit: (s) => (s.paths['/v1/models'].get.parameters[0].required = true),
    bump: 'major',
    want: { kind: 'made required', bump: 'major', subject: 'query parameter `limit`' },
  },
  {
    name: 'optional query parameter added',
    edit: (s) =>
      s.paths['/v1/models'].get.parameters.push({
        name: 'after_id',
        in: 'query',
        schema: { type: 'string' },
      }),
    bump: 'minor',
    want: { kind: 'added', bump: 'minor', subject: 'query parameter `after_id`' },
  },
  {
    name: 'field deprecated',
    edit: (s) => (schemas(s).MessageCreateParams.properties.temperature.deprecated = true),
    bump: 'minor',
    want: { kind: 'deprecated', bump: 'minor', subject: '`MessageCreateParams.temperature`' },
  },
  {
    name: 'docs only (description edited)',
    edit: (s) => (schemas(s).Message.properties.id.description = 'The ID of the message.'),
    bump: 'patch',
    want: { kind: 'docs', bump: 'patch', subject: '`Message.id`' },
  },
  {
    name: 'docs only (operation summary edited)',
    edit: (s) => (s.paths['/v1/messages'].post.summary = 'Send a message'),
    bump: 'patch',
    want: { kind: 'docs', bump: 'patch', subject: 'operation `post /v1/messages`' },
  },
];

afterAll(removeTempDirs);

describe('sdkgen diff classifies each change', () => {
  const oldDir = writeSpec(baseSpec());
  it.each(cases)('$name -> $bump', async ({ edit, bump, want }) => {
    const next = baseSpec();
    edit(next);
    const changes = await diffSpecs(locateSpec(oldDir), locateSpec(writeSpec(next)));
    expect(changes).toContainEqual(
      expect.objectContaining({
        kind: want.kind,
        bump: want.bump,
        subject: expect.stringContaining(want.subject),
      }),
    );
    expect(maxBump(changes)).toBe(bump);
  });

  it('reports nothing for an identical spec', async () => {
    const changes = await diffSpecs(locateSpec(oldDir), locateSpec(writeSpec(baseSpec())));
    expect(changes).toEqual([]);
    expect(formatReport(changes, { from: 'a', to: 'b' })).toContain('no API change');
  });

  it('ignores key order and moved refs that keep the same shape', async () => {
    const next = baseSpec();
    const { TextBlock, ...rest } = schemas(next);
    next.components.schemas = {
      TextBlock: {
        ...TextBlock,
        properties: { text: TextBlock.properties.text, type: TextBlock.properties.type },
      },
      ...rest,
    };
    expect(await diffSpecs(locateSpec(oldDir), locateSpec(writeSpec(next)))).toEqual([]);
  });
});
