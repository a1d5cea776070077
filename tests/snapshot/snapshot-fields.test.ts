import { describe, expect, it } from 'vitest';
import { defineRule, FieldCatalog } from '../../src/rules/index';
import {
  AccountSnapshot,
  extendFields,
  snapshotFields,
  snapshotFieldUnits,
  snapshotRecordFields,
  type SnapshotField,
} from '../../src/snapshot/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { hostileValues } from '../hostile-values';

/** Every key of AccountSnapshot, written out: the compiler rejects a missing or an extra one. */
const everyKey = [
  'id',
  'asOf',
  'name',
  'parentId',
  'segment',
  'plan',
  'industry',
  'region',
  'employees',
  'currency',
  'csmId',
  'attributes',
  'mrr',
  'arr',
  'mrrChange30Days',
  'mrrChange90Days',
  'startDate',
  'renewalDate',
  'churnDate',
  'status',
  'tenureDays',
  'daysToRenewal',
  'usagePeriodStart',
  'activeUsers',
  'activeUsersChange',
  'licenses',
  'licenseUtilization',
  'licenseUtilizationChange',
  'stickiness',
  'logins',
  'featuresAdopted',
  'lastLoginDate',
  'daysSinceLastLogin',
  'npsResponses',
  'nps',
  'npsDetractors',
  'lastNpsScore',
  'lastNpsDate',
  'lastNpsCategory',
  'csatResponses',
  'csatSatisfiedShare',
  'lastCsatScore',
  'lastCsatScale',
  'lastCsatDate',
  'cesResponses',
  'cesLowEffortShare',
  'ticketsOpened',
  'urgentTicketsOpened',
  'openTickets',
  'escalations',
  'highestEscalationSeverity',
  'contacts',
  'championNamed',
  'championLeft',
  'championLeftDate',
  'sponsorChanged',
  'sponsorChangedDate',
  'featureRequests',
  'featureRequestsOffRoadmap',
  'featureRequestsOutOfScope',
  'overdueAmount',
  'overdueDays',
  'milestones',
  'valueRealized',
  'valueRealizedDate',
  'lastMeetingDate',
  'daysSinceLastMeeting',
  'lastEbrDate',
  'daysSinceLastEbr',
  'custom',
] as const satisfies readonly (keyof AccountSnapshot)[];
type Missing = Exclude<keyof AccountSnapshot, (typeof everyKey)[number]>;
const noKeyMissing: [Missing] extends [never] ? true : Missing = true;

describe('the snapshot field catalog', () => {
  it('lists every one-value field of AccountSnapshot, and the record fields are the rest', () => {
    expect(noKeyMissing).toBe(true);
    expect(Object.keys(AccountSnapshot.shape)).toEqual([...everyKey]);
    const recordFields: readonly string[] = snapshotRecordFields;
    expect(Object.keys(snapshotFields)).toEqual(everyKey.filter((key) => !recordFields.includes(key)));
    expect(Object.keys(snapshotFieldUnits)).toEqual(Object.keys(snapshotFields));
  });

  it('is a valid FieldCatalog whose every entry has a one-line label', () => {
    expect(FieldCatalog.parse(snapshotFields)).toEqual(snapshotFields);
    const labels = Object.values(snapshotFields).map((entry) => entry.label);
    expect(labels.filter((label) => label.length === 0 || label.length > 40 || label.includes('\n'))).toEqual([]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('gives dates the date type, yes/no fields boolean and money and counts number', () => {
    const typeOfUnit = (field: SnapshotField): string => snapshotFields[field].type;
    const mismatched = (Object.keys(snapshotFieldUnits) as SnapshotField[]).filter((field) => {
      const unit = snapshotFieldUnits[field];
      const expected = unit === 'date' ? 'date' : unit === 'yes/no' ? 'boolean' : unit === 'text' ? 'string' : 'number';
      return typeOfUnit(field) !== expected;
    });
    expect(mismatched).toEqual([]);
  });

  it('lets defineRule accept rules over snapshot fields and reject misspelt ones', () => {
    const atRisk = defineRule(
      {
        any: [
          { field: 'licenseUtilization', op: 'lt', value: 0.4 },
          { field: 'championLeft', op: 'eq', value: true },
          { field: 'lastNpsCategory', op: 'eq', value: 'detractor' },
          { field: 'lastLoginDate', op: 'daysSinceGt', value: 30 },
          { field: 'highestEscalationSeverity', op: 'in', value: ['high', 'critical'] },
        ],
      },
      { fields: snapshotFields },
    );
    expect(atRisk).toMatchObject({ any: { length: 5 } });
    const error = catchSuccessKitError(() =>
      defineRule({ field: 'licenseUtilisation', op: 'lt', value: 0.4 }, { fields: snapshotFields }),
    );
    expect(error.code).toBe('invalid_rule');
  });
});

describe('extendFields', () => {
  it('adds host fields to the catalog and changes neither argument', () => {
    const more = {
      'milestones.first_login': { type: 'date', label: 'First login' },
      'custom.seats_added': 'number',
    } as const;
    const before = structuredClone(snapshotFields);
    const fields = extendFields(snapshotFields, more);
    expect(Object.keys(fields)).toEqual([
      ...Object.keys(snapshotFields),
      'milestones.first_login',
      'custom.seats_added',
    ]);
    expect(fields['custom.seats_added']).toBe('number');
    expect(snapshotFields).toEqual(before);
    expect(Object.keys(more)).toEqual(['milestones.first_login', 'custom.seats_added']);
    expect(defineRule({ field: 'custom.seats_added', op: 'gt', value: 5 }, { fields })).toEqual({
      field: 'custom.seats_added',
      op: 'gt',
      value: 5,
    });
  });

  it('refuses to redefine a field already in the catalog', () => {
    const error = catchSuccessKitError(() => extendFields(snapshotFields, { arr: 'string' }));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_definition', ['more.arr']]);
  });

  it('rejects a catalog that is not one, naming the argument', () => {
    const error = catchSuccessKitError(() => extendFields(snapshotFields, { 'a..b': 'number' }));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['more.a..b']]);
    expect(catchSuccessKitError(() => extendFields({ x: 'bogus' } as never, {})).code).toBe('invalid_input');
  });

  it.each(hostileValues())('answers %s with a catalog or a SuccessKitError naming the argument', (_name, value) => {
    const outcome = (argument: string, run: () => unknown): string => {
      try {
        run();
        return 'accepted';
      } catch (error) {
        const { code, issues } = catchSuccessKitError(() => {
          throw error;
        });
        return issues[0]?.path[0] === argument ? code : `${code} at ${String(issues[0]?.path[0])}`;
      }
    };
    const outcomes = [
      outcome('more', () => extendFields(snapshotFields, value as never)),
      outcome('fields', () => extendFields(value as never, {})),
    ];
    expect(outcomes.filter((text) => text !== 'accepted' && text !== 'invalid_input')).toEqual([]);
  });
});
