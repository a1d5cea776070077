import * as z from 'zod/mini';
import { describeValue, kindOf } from './describe-value.js';

/**
 * An identifier: any non-empty string up to 256 characters (a CRM id, a UUID,
 * a slug). successkit never invents meaning for ids; it only compares them.
 *
 * @example
 * ```ts
 * import { Id } from 'successkit/core';
 *
 * Id.parse('acc-00042'); // => 'acc-00042'
 * ```
 */
export const Id = z.string().check(z.minLength(1), z.maxLength(256));

/**
 * An identifier: a non-empty string of up to 256 characters; see the {@link Id} schema.
 *
 * @example
 * ```ts
 * import type { Id } from 'successkit/core';
 *
 * const accountId: Id = 'acc-00042';
 * ```
 */
export type Id = z.infer<typeof Id>;

/**
 * An amount of money in major units of the account's currency (dollars, not
 * cents): finite and never negative.
 *
 * @example
 * ```ts
 * import { Money } from 'successkit/core';
 *
 * Money.parse(1250.5); // => 1250.5
 * ```
 */
export const Money = z.number().check(z.nonnegative());

/**
 * An amount of money in major units of its currency, never negative; see the {@link Money} schema.
 *
 * @example
 * ```ts
 * import type { Money } from 'successkit/core';
 *
 * const arr: Money = 120_000;
 * ```
 */
export type Money = z.infer<typeof Money>;

/**
 * An ISO 4217 currency code: three upper-case letters.
 *
 * @example
 * ```ts
 * import { CurrencyCode } from 'successkit/core';
 *
 * CurrencyCode.parse('EUR'); // => 'EUR'
 * ```
 */
export const CurrencyCode = z
  .string()
  .check(z.regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 code such as "USD"'));

/**
 * A three-letter ISO 4217 currency code; see the {@link CurrencyCode} schema.
 *
 * @example
 * ```ts
 * import type { CurrencyCode } from 'successkit/core';
 *
 * const currency: CurrencyCode = 'EUR';
 * ```
 */
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/**
 * The value of a custom attribute: text, number, yes/no, a list of text, or
 * `null` for a known-empty value.
 *
 * @example
 * ```ts
 * import { AttributeValue } from 'successkit/core';
 *
 * AttributeValue.parse(['sso', 'api']); // => ['sso', 'api']
 * ```
 */
export const AttributeValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())], {
  error: (issue) =>
    `expected text, a number, true/false, null or a list of text, got ${describeAttribute(issue.input)}`,
});

/** Names a bad attribute value; for a list, the first item that is not text. Never throws. */
function describeAttribute(value: unknown): string {
  if (kindOf(value) !== 'array') return describeValue(value);
  try {
    const items = value as readonly unknown[];
    for (let index = 0; index < items.length; index++) {
      if (typeof items[index] !== 'string')
        return `a list holding ${describeValue(items[index])} at [${String(index)}]`;
    }
  } catch {
    // A list whose items cannot be read is described as a list.
  }
  return 'array';
}

/**
 * A custom attribute value; see the {@link AttributeValue} schema.
 *
 * @example
 * ```ts
 * import type { AttributeValue } from 'successkit/core';
 *
 * const industry: AttributeValue = 'logistics';
 * ```
 */
export type AttributeValue = z.infer<typeof AttributeValue>;

/**
 * Custom attributes a host keeps on a record, by name (`industry`,
 * `hasSso`, `integrations`). Rules and segments read them as
 * `attributes.<name>`.
 *
 * @example
 * ```ts
 * import { Attributes } from 'successkit/core';
 *
 * Attributes.parse({ hasSso: true, integrations: 3 });
 * ```
 */
export const Attributes = z.record(z.string().check(z.minLength(1)), AttributeValue);

/**
 * Custom attributes by name; see the {@link Attributes} schema.
 *
 * @example
 * ```ts
 * import type { Attributes } from 'successkit/core';
 *
 * const attributes: Attributes = { industry: 'logistics', hasSso: true, integrations: ['slack'] };
 * ```
 */
export type Attributes = z.infer<typeof Attributes>;

/**
 * Cross-field checks run only once every field is valid, so one bad field
 * gives one issue, not a second one from a comparison with it.
 *
 * @internal
 */
export const onceFieldsAreValid = { when: (payload: z.core.ParsePayload): boolean => payload.issues.length === 0 };

/** True unless both dates are present and `later` comes first; for cross-field checks. @internal */
export function inOrder(earlier: string | undefined, later: string | undefined): boolean {
  return earlier === undefined || later === undefined || earlier <= later;
}
