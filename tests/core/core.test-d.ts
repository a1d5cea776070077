import { z } from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import {
  calendarDate,
  parseAccount,
  parseAccountEvent,
  parseSurveyResponse,
  parseWith,
  type Account,
  type AccountEvent,
  type Attributes,
  type CalendarDate,
  type CurrencyCode,
  type EscalationSeverity,
  type Id,
  type MeetingKind,
  type Money,
  type SurveyScale,
  type TicketPriority,
  type Portfolio,
  type SuccessKitError,
  type SuccessKitErrorCode,
} from '../../src/core/index';

describe('core types', () => {
  it('names the type of every schema after the schema', () => {
    expectTypeOf<Id>().toEqualTypeOf<string>();
    expectTypeOf<Money>().toEqualTypeOf<number>();
    expectTypeOf<CurrencyCode>().toEqualTypeOf<string>();
    expectTypeOf<Attributes>().toEqualTypeOf<Record<string, string | number | boolean | null | string[]>>();
    expectTypeOf<EscalationSeverity>().toEqualTypeOf<'low' | 'medium' | 'high' | 'critical'>();
    expectTypeOf<TicketPriority>().toEqualTypeOf<'low' | 'normal' | 'high' | 'urgent'>();
    expectTypeOf<MeetingKind>().toEqualTypeOf<'kickoff' | 'check_in' | 'ebr' | 'training' | 'onsite'>();
    expectTypeOf<SurveyScale>().toEqualTypeOf<5 | 7 | 10>();
    expectTypeOf<Account['attributes']>().toEqualTypeOf<Attributes | undefined>();
  });

  it('keeps unchecked strings out of CalendarDate', () => {
    expectTypeOf(calendarDate('2025-01-01')).toEqualTypeOf<CalendarDate>();
    expectTypeOf<string>().not.toExtend<CalendarDate>();
    expectTypeOf<CalendarDate>().toExtend<string>();
  });

  it('infers models from their schemas', () => {
    expectTypeOf(parseAccount({})).toEqualTypeOf<Account>();
    expectTypeOf<Account['startDate']>().toEqualTypeOf<CalendarDate>();
    expectTypeOf<Account['renewalDate']>().toEqualTypeOf<CalendarDate | undefined>();
    expectTypeOf<Account['arr']>().toEqualTypeOf<number>();
    expectTypeOf<Portfolio['accounts']>().toEqualTypeOf<Account[]>();
  });

  it('narrows survey answers and events by their tag', () => {
    const answer = parseSurveyResponse({});
    if (answer.kind === 'csat') expectTypeOf(answer.scale).toEqualTypeOf<5 | 7 | 10>();
    if (answer.kind === 'nps') expectTypeOf(answer).not.toHaveProperty('scale');
    const event = parseAccountEvent({});
    if (event.type === 'ticket') expectTypeOf(event.priority).toEqualTypeOf<'low' | 'normal' | 'high' | 'urgent'>();
    if (event.type === 'champion_left') expectTypeOf(event.contactId).toEqualTypeOf<string>();
    expectTypeOf<AccountEvent['type']>().toExtend<string>();
  });

  it('returns what the schema outputs', () => {
    expectTypeOf(parseWith(z.int(), 1)).toEqualTypeOf<number>();
    expectTypeOf(parseWith(z.object({ a: z.string().default('x') }), {})).toEqualTypeOf<{ a: string }>();
  });

  it('types error codes as a closed union', () => {
    expectTypeOf<SuccessKitError['code']>().toEqualTypeOf<SuccessKitErrorCode>();
    expectTypeOf<'invalid_date'>().toExtend<SuccessKitErrorCode>();
    expectTypeOf<'oops'>().not.toExtend<SuccessKitErrorCode>();
  });
});
