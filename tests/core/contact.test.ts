import { describe, expect, it } from 'vitest';
import { ContactRole, parseContact } from '../../src/core/contact';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const valid = {
  id: 'con-12',
  accountId: 'acc-1',
  name: 'Dana Reyes',
  email: 'dana.reyes@northwind.example',
  title: 'Operations Manager',
  role: 'champion',
  reportsTo: 'con-11',
  leftDate: '2025-08-01',
};

function pathsOf(input: unknown): string[] {
  return issuePaths(catchSuccessKitError(() => parseContact(input)));
}

describe('parseContact', () => {
  it('accepts a contact without changing it', () => {
    expect(parseContact(deepFreeze({ ...valid }))).toEqual(valid);
  });

  it('knows the roles an org chart needs', () => {
    expect(ContactRole.options).toEqual([
      'executive_sponsor',
      'decision_maker',
      'champion',
      'admin',
      'power_user',
      'user',
      'billing',
    ]);
  });

  it('rejects an unknown role, a bad email, a bad date and unknown fields', () => {
    expect(pathsOf({ ...valid, role: 'boss' })).toEqual(['role']);
    expect(pathsOf({ ...valid, email: 'dana at northwind' })).toEqual(['email']);
    expect(pathsOf({ ...valid, leftDate: '2025-08-32' })).toEqual(['leftDate']);
    expect(pathsOf({ ...valid, manager: 'con-11' })).toEqual(['manager']);
    expect(pathsOf({ ...valid, accountId: undefined })).toEqual(['accountId']);
  });

  it('rejects a contact who reports to themselves', () => {
    expect(pathsOf({ ...valid, reportsTo: 'con-12' })).toEqual(['reportsTo']);
  });
});
