import { describe, expectTypeOf, it } from 'vitest';
import type { CalendarDate, Portfolio } from '../../src/core/index';
import type { FieldCatalog } from '../../src/rules/index';
import {
  accountSnapshots,
  extendFields,
  snapshotFields,
  snapshotSeries,
  type AccountSnapshot,
  type AccountSnapshots,
  type AccountSnapshotsOptions,
  type SnapshotField,
  type SnapshotFieldCatalog,
  type SnapshotFieldType,
  type SnapshotPortfolio,
  type SnapshotSeriesOptions,
} from '../../src/snapshot/index';

describe('snapshot types', () => {
  it('builds snapshots from a Portfolio or its parts', () => {
    expectTypeOf<Portfolio>().toExtend<SnapshotPortfolio>();
    expectTypeOf(accountSnapshots).parameter(0).toEqualTypeOf<SnapshotPortfolio>();
    expectTypeOf(accountSnapshots).returns.toEqualTypeOf<AccountSnapshots>();
    expectTypeOf(snapshotSeries).returns.toEqualTypeOf<AccountSnapshots[]>();
    expectTypeOf<AccountSnapshots['snapshots']>().toEqualTypeOf<AccountSnapshot[]>();
  });

  it('keeps missing data as null, and dates as CalendarDate', () => {
    expectTypeOf<AccountSnapshot['licenseUtilization']>().toEqualTypeOf<number | null>();
    expectTypeOf<AccountSnapshot['lastNpsCategory']>().toEqualTypeOf<'promoter' | 'passive' | 'detractor' | null>();
    expectTypeOf<AccountSnapshot['renewalDate']>().toEqualTypeOf<CalendarDate | null>();
    expectTypeOf<AccountSnapshot['asOf']>().toEqualTypeOf<CalendarDate>();
    expectTypeOf<AccountSnapshot['milestones']>().toEqualTypeOf<Readonly<Record<string, CalendarDate>>>();
    expectTypeOf<AccountSnapshot['custom']>().toEqualTypeOf<Readonly<Record<string, number>>>();
    expectTypeOf<AccountSnapshot['status']>().toEqualTypeOf<'active' | 'churned'>();
    expectTypeOf<AccountSnapshot['ticketsOpened']>().toEqualTypeOf<number>();
  });

  it('types each catalog entry after its field', () => {
    expectTypeOf<SnapshotFieldType<number | null>>().toEqualTypeOf<'number'>();
    expectTypeOf<SnapshotFieldType<CalendarDate | null>>().toEqualTypeOf<'date'>();
    expectTypeOf<SnapshotFieldType<boolean>>().toEqualTypeOf<'boolean'>();
    expectTypeOf<SnapshotFieldCatalog['arr']['type']>().toEqualTypeOf<'number'>();
    expectTypeOf<SnapshotFieldCatalog['lastNpsDate']['type']>().toEqualTypeOf<'date'>();
    expectTypeOf<SnapshotField>().toExtend<keyof AccountSnapshot>();
    expectTypeOf<'milestones'>().not.toExtend<SnapshotField>();
  });

  it('lets the catalog and its extensions check rules', () => {
    expectTypeOf(snapshotFields).toExtend<FieldCatalog>();
    expectTypeOf(extendFields).returns.toEqualTypeOf<FieldCatalog>();
  });

  it('takes only optional settings in its options', () => {
    const none = {};
    expectTypeOf(none).toExtend<AccountSnapshotsOptions>();
    expectTypeOf(none).toExtend<SnapshotSeriesOptions>();
    expectTypeOf<{ asOf: string; windowDays: number }>().toExtend<AccountSnapshotsOptions>();
    expectTypeOf<{ every: 'week' }>().toExtend<SnapshotSeriesOptions>();
    expectTypeOf<{ every: 'day' }>().not.toExtend<SnapshotSeriesOptions>();
  });
});
