import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { successKitErrorCodes } from '../../src/core/error';
import { fail, parseWith } from '../../src/core/parse';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { revokedProxy, throwingGetters } from '../hostile-values';

const Seats = z.strictObject({
  name: z.string(),
  seats: z.int().min(1).max(500),
  share: z.number().gt(0).lt(1).optional(),
  tags: z.array(z.string()).min(1).max(2).optional(),
  code: z.string().min(2).max(3).optional(),
  tier: z.enum(['gold', 'silver']).optional(),
  kind: z
    .discriminatedUnion('type', [z.object({ type: z.literal('a') }), z.object({ type: z.literal('b') })])
    .optional(),
  either: z.union([z.string(), z.number()]).optional(),
});

function messageFor(input: unknown): string | undefined {
  return catchSuccessKitError(() => parseWith(Seats, input)).issues[0]?.message;
}

describe('parseWith', () => {
  it('returns the parsed value without touching the input', () => {
    const input = Object.freeze({ name: 'x', seats: 3 });
    const parsed = parseWith(Seats, input);
    expect(parsed).toEqual({ name: 'x', seats: 3 });
    expect(parsed).not.toBe(input);
  });

  it('throws invalid_input by default, with every issue and its path', () => {
    const error = catchSuccessKitError(() => parseWith(Seats, { name: 7, seats: 0 }));
    expect(error.code).toBe('invalid_input');
    expect(issuePaths(error)).toEqual(['name', 'seats']);
  });

  it('uses the given code and prefixes the given path', () => {
    const error = catchSuccessKitError(() =>
      parseWith(Seats, { name: 'x' }, { code: 'invalid_date', path: ['accounts', 4] }),
    );
    expect(error.code).toBe('invalid_date');
    expect(issuePaths(error)).toEqual(['accounts[4].seats']);
  });

  it('reports each unknown field at its own path', () => {
    const error = catchSuccessKitError(() => parseWith(Seats, { name: 'x', seats: 1, seat: 2, nmae: 'y' }));
    expect(issuePaths(error)).toEqual(['seat', 'nmae']);
    expect(error.issues.map((issue) => issue.message)).toEqual(['unknown field', 'unknown field']);
  });

  it('writes short, uniform messages', () => {
    expect(messageFor({ seats: 1 })).toBe('required');
    expect(messageFor({ name: null, seats: 1 })).toBe('expected string, got null');
    expect(messageFor({ name: [], seats: 1 })).toBe('expected string, got array');
    expect(messageFor({ name: 'x', seats: 1.5 })).toBe('expected integer, got 1.5');
    expect(messageFor({ name: 'x', seats: 0 })).toBe('expected a number >= 1, got 0');
    expect(messageFor({ name: 'x', seats: 501 })).toBe('expected a number <= 500, got 501');
    expect(messageFor({ name: 'x', seats: 1, share: 0 })).toBe('expected a number > 0, got 0');
    expect(messageFor({ name: 'x', seats: 1, share: 1 })).toBe('expected a number < 1, got 1');
    expect(messageFor({ name: 'x', seats: 1, tags: [] })).toBe('expected at least 1 item(s)');
    expect(messageFor({ name: 'x', seats: 1, tags: ['a', 'b', 'c'] })).toBe('expected at most 2 item(s)');
    expect(messageFor({ name: 'x', seats: 1, code: 'a' })).toBe('expected at least 2 character(s)');
    expect(messageFor({ name: 'x', seats: 1, code: 'abcd' })).toBe('expected at most 3 character(s)');
    expect(messageFor({ name: 'x', seats: 1, tier: 'bronze' })).toBe('expected one of "gold", "silver", got "bronze"');
    expect(messageFor({ name: 'x', seats: 1, kind: { type: 'c' } })).toBe('expected one of "a", "b"');
    expect(messageFor({ name: 'x', seats: 1, either: true })).toMatch(/invalid input/i);
  });

  it('names NaN and Infinity rather than letting them through', () => {
    expect(messageFor({ name: 'x', seats: Number.NaN })).toBe('expected number, got NaN');
    expect(messageFor({ name: 'x', seats: Number.POSITIVE_INFINITY })).toBe('expected number, got Infinity');
  });

  it('keeps symbol keys readable in paths', () => {
    const key = Symbol('secret');
    const schema = z.object({ [key]: z.string() }).check((context) => {
      context.issues.push({ code: 'custom', message: 'bad', input: context.value, path: [key] });
    });
    expect(issuePaths(catchSuccessKitError(() => parseWith(schema, {})))).toEqual(['Symbol(secret)']);
  });
});

describe('fail', () => {
  it('throws a SuccessKitError with one issue', () => {
    const error = catchSuccessKitError(() => fail('invalid_reference', ['contacts', 0, 'accountId'], 'no account "x"'));
    expect(error.code).toBe('invalid_reference');
    expect(error.message).toBe('invalid_reference: contacts[0].accountId: no account "x"');
  });
});

describe('parseWith on hostile arguments', () => {
  it('answers null options like any other wrong type, with invalid_input at options', () => {
    const error = catchSuccessKitError(() => parseWith(z.number(), 1, null as never));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([{ path: ['options'], message: 'expected object, got null' }]);
    expect(catchSuccessKitError(() => parseWith(z.number(), 1, { code: 'oops' } as never)).issues).toEqual([
      {
        path: ['options', 'code'],
        message: `expected one of ${successKitErrorCodes.join(', ')}, got string "oops"`,
      },
    ]);
    expect(issuePaths(catchSuccessKitError(() => parseWith(z.number(), 1, { path: [Symbol('x')] } as never)))).toEqual([
      'options.path[0]',
    ]);
    expect(issuePaths(catchSuccessKitError(() => parseWith(z.number(), 1, { paht: ['a'] } as never)))).toEqual([
      'options.paht',
    ]);
  });

  it('answers a schema that is not one with invalid_input at schema', () => {
    expect(catchSuccessKitError(() => parseWith(null as never, 1)).issues).toEqual([
      { path: ['schema'], message: 'expected a zod schema, got null' },
    ]);
    expect(issuePaths(catchSuccessKitError(() => parseWith({ parse: () => 1 } as never, 1)))).toEqual(['schema']);
  });

  it('turns input that throws when read into a SuccessKitError that keeps the cause', () => {
    const Named = z.object({ name: z.string() });
    const error = catchSuccessKitError(() => parseWith(Named, throwingGetters(), { path: ['accounts', 3] }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([
      { path: ['accounts', 3], message: 'the input could not be read: it threw "getter name throws"' },
    ]);
    expect(String(error.cause)).toBe('Error: getter name throws');
    expect(catchSuccessKitError(() => parseWith(Named, revokedProxy(), { code: 'invalid_rule' })).code).toBe(
      'invalid_rule',
    );
  });
});
