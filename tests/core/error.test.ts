import { describe, expect, it } from 'vitest';
import { SuccessKitError, formatPath, isSuccessKitError, successKitErrorCodes } from '../../src/core/error';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { cyclicArray, nullPrototypeObject, revokedProxy } from '../hostile-values';

describe('formatPath', () => {
  it('writes property names with dots and indexes in brackets', () => {
    expect(formatPath(['all', 2, 'value'])).toBe('all[2].value');
    expect(formatPath([0, 'id'])).toBe('[0].id');
    expect(formatPath([])).toBe('');
  });
});

describe('SuccessKitError', () => {
  it('carries its code and issues and names the first issue in its message', () => {
    const error = new SuccessKitError('invalid_input', [
      { path: ['accounts', 2, 'arr'], message: 'expected number, got string' },
      { path: ['accounts', 3, 'id'], message: 'required' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SuccessKitError');
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toHaveLength(2);
    expect(error.message).toBe('invalid_input: accounts[2].arr: expected number, got string (and 1 more)');
  });

  it('leaves the path out of the message for an issue at the root', () => {
    expect(new SuccessKitError('invalid_date', [{ path: [], message: 'not a date' }]).message).toBe(
      'invalid_date: not a date',
    );
  });

  it('falls back to the bare code when given no issues', () => {
    expect(new SuccessKitError('invalid_input', []).message).toBe('invalid_input');
  });
});

describe('isSuccessKitError', () => {
  it('recognises the class and look-alikes from another copy of the package', () => {
    const lookAlike = Object.assign(new Error('x'), { name: 'SuccessKitError', code: 'invalid_input', issues: [] });
    expect(isSuccessKitError(new SuccessKitError('invalid_input', []))).toBe(true);
    expect(isSuccessKitError(lookAlike)).toBe(true);
  });

  it('rejects other errors and non-errors', () => {
    expect(isSuccessKitError(new Error('x'))).toBe(false);
    expect(isSuccessKitError(Object.assign(new Error('x'), { name: 'SuccessKitError' }))).toBe(false);
    expect(isSuccessKitError({ name: 'SuccessKitError', code: 'invalid_input', issues: [] })).toBe(false);
    expect(isSuccessKitError(null)).toBe(false);
  });
});

describe('successKitErrorCodes', () => {
  it('lists each code once', () => {
    expect(new Set(successKitErrorCodes).size).toBe(successKitErrorCodes.length);
    expect(successKitErrorCodes).toContain('invalid_input');
  });
});

describe('hostile arguments', () => {
  it('formatPath rejects what is not a list of names and indexes with invalid_input', () => {
    expect(catchSuccessKitError(() => formatPath(null as never)).issues).toEqual([
      { path: ['path'], message: 'expected a list of field names and array indexes, got null' },
    ]);
    expect(catchSuccessKitError(() => formatPath(['a', nullPrototypeObject()] as never)).issues).toEqual([
      { path: ['path', 1], message: 'expected a field name or an array index, got object' },
    ]);
    expect(issuePaths(catchSuccessKitError(() => formatPath(cyclicArray() as never)))).toEqual(['path[1]']);
    expect(issuePaths(catchSuccessKitError(() => formatPath(revokedProxy() as never)))).toEqual(['path']);
  });

  it('the constructor rejects an unknown code or a malformed issue with invalid_input', () => {
    const error = catchSuccessKitError(() => new SuccessKitError(10n as never, []));
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.path).toEqual(['code']);
    expect(error.issues[0]?.message).toMatch(/^expected one of invalid_input, .*, got 10n$/);
    expect(issuePaths(catchSuccessKitError(() => new SuccessKitError('invalid_date', null as never)))).toEqual([
      'issues',
    ]);
    expect(
      issuePaths(
        catchSuccessKitError(() => new SuccessKitError('invalid_date', [{ path: [], message: Symbol() }] as never)),
      ),
    ).toEqual(['issues[0].message']);
    expect(
      issuePaths(catchSuccessKitError(() => new SuccessKitError('invalid_date', revokedProxy() as never))),
    ).toEqual(['']);
  });

  it('isSuccessKitError answers false for a revoked proxy instead of throwing', () => {
    expect(isSuccessKitError(revokedProxy())).toBe(false);
  });
});
