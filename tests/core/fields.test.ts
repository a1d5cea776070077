import { describe, expect, it } from 'vitest';
import { parseAccount } from '../../src/core/account';
import { AttributeValue, Attributes } from '../../src/core/fields';
import { parseWith } from '../../src/core/parse';
import { catchSuccessKitError } from '../catch-error';
import { cyclicObject, deeplyNested, nullPrototypeObject } from '../hostile-values';

const expected = 'expected text, a number, true/false, null or a list of text, got';

function attributeIssues(value: unknown) {
  return catchSuccessKitError(() => parseWith(Attributes, { tier: value })).issues;
}

describe('attribute values', () => {
  it('are text, numbers, true/false, null or lists of text', () => {
    const attributes = { industry: 'logistics', seats: 40, hasSso: true, churnReason: null, products: ['api', 'sso'] };
    expect(parseWith(Attributes, attributes)).toEqual(attributes);
  });

  it('name what was expected and what came instead', () => {
    expect(attributeIssues({ level: 2 })).toEqual([{ path: ['tier'], message: `${expected} object` }]);
    expect(attributeIssues(['api', 3])).toEqual([{ path: ['tier'], message: `${expected} a list holding 3 at [1]` }]);
    expect(attributeIssues(10n)).toEqual([{ path: ['tier'], message: `${expected} 10n` }]);
    expect(attributeIssues(undefined)).toEqual([{ path: ['tier'], message: `${expected} undefined` }]);
    expect(AttributeValue.safeParse(Symbol('tier')).error?.issues[0]?.message).toBe(`${expected} symbol`);
  });

  it('describe null-prototype, cyclic and 10,000-deep values without walking into them', () => {
    for (const value of [nullPrototypeObject(), cyclicObject(), deeplyNested(10_000)]) {
      expect(attributeIssues(value)).toEqual([{ path: ['tier'], message: `${expected} object` }]);
    }
    const unreadableList = new Proxy(['api'], {
      get: () => {
        throw new Error('unreadable');
      },
    });
    expect(attributeIssues(unreadableList)).toEqual([
      { path: [], message: 'the input could not be read: it threw "unreadable"' },
    ]);
  });

  it('give the same message inside an account, at the attribute’s path', () => {
    const error = catchSuccessKitError(() =>
      parseAccount({ id: 'a', name: 'A', arr: 1, startDate: '2024-01-01', attributes: { tier: { level: 2 } } }),
    );
    expect(error.message).toBe(`invalid_input: attributes.tier: ${expected} object`);
  });
});
