// No classic zod here: zod/mini loads no locale, so this file sees the messages a browser bundle of successkit gives.
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { parseAccount } from '../../src/core/account';
import { parseContact } from '../../src/core/contact';
import { Id } from '../../src/core/fields';
import { catchSuccessKitError } from '../catch-error';

const account = { id: 'acc-1', name: 'Northwind', arr: 1_000, startDate: '2025-01-01' };
const contact = { id: 'con-1', accountId: 'acc-1', name: 'Dana Reyes', role: 'champion' };

describe('parseWith without a zod locale', () => {
  it('runs with no locale loaded, as zod/mini does by default', () => {
    expect(z.config().localeError).toBeUndefined();
    expect(Id.safeParse('').error?.issues[0]?.message).toBe('Invalid input');
  });

  it('names an empty attribute name "Invalid key in record", as classic zod does', () => {
    const error = catchSuccessKitError(() => parseAccount({ ...account, attributes: { '': 1 } }));
    expect(error.issues).toEqual([{ path: ['attributes', ''], message: 'Invalid key in record' }]);
  });

  it('names a bad email "Invalid email address", as classic zod does', () => {
    const error = catchSuccessKitError(() => parseContact({ ...contact, email: 'dana at northwind' }));
    expect(error.issues).toEqual([{ path: ['email'], message: 'Invalid email address' }]);
  });

  it('keeps its own messages for the common issues', () => {
    const error = catchSuccessKitError(() => parseAccount({ ...account, name: '', arr: -1, extra: true }));
    expect(error.issues).toEqual([
      { path: ['name'], message: 'expected at least 1 character(s)' },
      { path: ['arr'], message: 'expected a number >= 0, got -1' },
      { path: ['extra'], message: 'unknown field' },
    ]);
  });
});
