import { describe, expect, it } from 'vitest';
import { FieldPath, readField, splitPath } from '../../src/rules/field-path';
import { schemaIssues } from './schema-issues';

describe('field paths', () => {
  it('are dotted, with no empty segment and no step through the prototype', () => {
    const good = [
      'arr',
      'usage.activeUsers',
      'attributes.hasSso',
      'a.b.c.d',
      'logins.0',
      '__protos__',
      'my constructor',
    ];
    expect(good.filter((path) => schemaIssues(FieldPath, path).length > 0)).toEqual([]);
    const bad = ['', '.', 'a.', '.a', 'a..b', '__proto__', 'a.prototype', 'constructor.name'];
    const emptySegment = 'expected a dotted path such as "usage.activeUsers", with no empty segment';
    const prototype = 'a field path must not reach __proto__, constructor or prototype';
    expect(bad.map((path) => [path, FieldPath.safeParse(path).error?.issues.map((issue) => issue.message)])).toEqual([
      ['', [emptySegment]],
      ['.', [emptySegment]],
      ['a.', [emptySegment]],
      ['.a', [emptySegment]],
      ['a..b', [emptySegment]],
      ['__proto__', [prototype]],
      ['a.prototype', [prototype]],
      ['constructor.name', [prototype]],
    ]);
  });

  it('are split once into a first segment and the rest', () => {
    expect(splitPath('arr')).toEqual({ first: 'arr', rest: [] });
    expect(splitPath('a.b.c')).toEqual({ first: 'a', rest: ['b', 'c'] });
  });

  it('read through objects and arrays and give undefined past anything else', () => {
    const record = { a: { b: { c: 3 }, list: [10, 20], text: 'xyz', none: null } };
    expect(readField(record, splitPath('a.b.c'))).toBe(3);
    expect(readField(record, splitPath('a.list.1'))).toBe(20);
    expect(readField(record, splitPath('a.text.length'))).toBeUndefined();
    expect(readField(record, splitPath('a.none.x'))).toBeUndefined();
    expect(readField(record, splitPath('a.missing.x'))).toBeUndefined();
    expect(readField(null, splitPath('a'))).toBeUndefined();
    expect(readField('abc', splitPath('length'))).toBeUndefined();
  });
});
