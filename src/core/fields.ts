import * as z from 'zod/mini';

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
export const AttributeValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

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
