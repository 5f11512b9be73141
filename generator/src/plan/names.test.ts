import { describe, expect, test } from 'vitest';
import { camelCase, localName, plural, propertyKey, singular, typeName } from './names.js';

describe('names', () => {
  test.each([
    ['message_batch_id', 'messageBatchID'],
    ['file_id', 'fileID'],
    ['retrieve-metadata', 'retrieveMetadata'],
    ['version', 'version'],
    ['delete', 'delete'],
  ])('camelCase(%s) = %s', (input, want) => expect(camelCase(input)).toBe(want));

  test.each([
    ['default', '_default'],
    ['2nd', '_2nd'],
    ['store_id', 'storeID'],
  ])('localName(%s) = %s', (input, want) => expect(localName(input)).toBe(want));

  test.each([
    ['Batches', 'Batch'],
    ['Messages', 'Message'],
    ['Files', 'File'],
    ['Entries', 'Entry'],
    ['Beta', 'Beta'],
    ['Status', 'Status'],
  ])('singular(%s) = %s', (input, want) => expect(singular(input)).toBe(want));

  test.each([
    ['MessageBatch', 'MessageBatches'],
    ['ModelInfo', 'ModelInfos'],
    ['FileMetadata', 'FileMetadata'],
    ['SkillListResponse', 'SkillListResponses'],
    ['Policy', 'Policies'],
  ])('plural(%s) = %s', (input, want) => expect(plural(input)).toBe(want));

  test.each([
    ['Message', 'Message'],
    ['simple-user', 'SimpleUser'],
    ['import', 'Import'],
    ['2fa-status', '_2faStatus'],
  ])('typeName(%s) = %s', (input, want) => expect(typeName(input)).toBe(want));

  test.each([
    ['id', 'id'],
    ['anthropic-beta', "'anthropic-beta'"],
    ['+1', "'+1'"],
  ])('propertyKey(%s) = %s', (input, want) => expect(propertyKey(input)).toBe(want));
});
