import { describe, expect, it } from 'vitest';
import { meetingReadiness } from '../../src/plans/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { healthyPlan } from './plan-fixtures';

const prepared = {
  id: 'm1',
  accountId: 'acme',
  date: '2026-07-02',
  conferencingTool: { name: 'Teams', confirmedWithClient: true },
  deckSentAsPdf: { sentTo: 'ana', sentDate: '2026-06-30' },
  slowPagesPreloaded: true,
  namesDoubleChecked: true,
  backupPdfReady: true,
};

describe('meetingReadiness', () => {
  it('is ready when every item of the checklist is done', () => {
    const readiness = meetingReadiness(prepared, { asOf: '2026-07-01', plan: healthyPlan() });
    expect(readiness).toMatchObject({
      ready: true,
      done: 5,
      total: 5,
      daysUntil: 1,
      toRaise: { redFlags: [], overdueNextSteps: [] },
    });
    expect(readiness.items.map((item) => item.item)).toEqual([
      'conferencing_tool_confirmed',
      'deck_sent_as_pdf',
      'slow_pages_preloaded',
      'names_double_checked',
      'backup_pdf_ready',
    ]);
  });

  it('lists what is missing for an unprepared meeting', () => {
    const readiness = meetingReadiness({ id: 'm1', date: '2026-07-02' }, { asOf: '2026-07-01' });
    expect(readiness.items.map((item) => [item.item, item.done, item.missing])).toEqual([
      [
        'conferencing_tool_confirmed',
        false,
        'ask the client which web-conferencing tool they use and adapt to it; install it and test the link',
      ],
      ['deck_sent_as_pdf', false, 'send the deck as a PDF to the main point of contact ahead of the meeting'],
      ['slow_pages_preloaded', false, 'open the slow pages of the product in tabs before the meeting'],
      [
        'names_double_checked',
        false,
        "write down every attendee's name and the company's, and check everything written that goes out",
      ],
      ['backup_pdf_ready', false, 'export the deck to PDF and keep it open in case the presentation app crashes'],
    ]);
  });

  it('counts a tool not yet confirmed with the client as missing', () => {
    const readiness = meetingReadiness(
      { ...prepared, conferencingTool: { name: 'Zoom', confirmedWithClient: false } },
      { asOf: '2026-07-01' },
    );
    expect(readiness.items[0]?.done).toBe(false);
  });

  it('checks projection instead of the conferencing tool in person', () => {
    const readiness = meetingReadiness(
      { ...prepared, format: 'in_person', projectionChecked: true },
      { asOf: '2026-07-01' },
    );
    expect(readiness.items[0]).toEqual({
      item: 'projection_checked',
      label: 'Projection checked at the venue',
      done: true,
      missing: null,
      subjectId: null,
    });
  });

  it("wants the deck sent to the main contact, the plan's champion by default", () => {
    const toPeer = { ...prepared, deckSentAsPdf: { sentTo: 'dee', sentDate: '2026-06-30' } };
    expect(meetingReadiness(toPeer, { asOf: '2026-07-01', plan: healthyPlan() }).items[1]?.missing).toBe(
      'the deck went to "dee", not the main contact "ana": send it to them',
    );
    expect(
      meetingReadiness({ ...toPeer, mainContactId: 'dee' }, { asOf: '2026-07-01', plan: healthyPlan() }).items[1]?.done,
    ).toBe(true);
    expect(meetingReadiness(prepared, { asOf: '2026-06-29' }).items[1]?.done).toBe(false);
  });

  it("adds the plan's open red flags and overdue next steps to raise, done once on the agenda", () => {
    const plan = {
      ...healthyPlan(),
      redFlags: [
        { id: 'f1', kind: 'escalation' as const, description: 'Outage escalated', raisedDate: '2026-06-20' },
        {
          id: 'f2',
          kind: 'other' as const,
          description: 'Resolved',
          raisedDate: '2026-06-01',
          resolvedDate: '2026-06-10',
        },
      ],
      nextSteps: [
        {
          id: 'n1',
          action: 'Share usage export',
          owner: 'client' as const,
          dueDate: '2026-06-25',
          status: 'open' as const,
        },
      ],
    };
    const readiness = meetingReadiness({ ...prepared, agenda: ['f1'] }, { asOf: '2026-07-01', plan });
    expect(readiness.items.slice(5).map((item) => [item.label, item.done, item.subjectId])).toEqual([
      ['Raise red flag: Outage escalated', true, 'f1'],
      ["Raise overdue next step (the client's): Share usage export", false, 'n1'],
    ]);
    expect(readiness.toRaise.redFlags.map((flag) => flag.id)).toEqual(['f1']);
    expect(readiness.toRaise.overdueNextSteps.map((step) => step.daysOverdue)).toEqual([6]);
    expect(readiness.ready).toBe(false);
  });

  it('rejects the plan of another account and a main contact not on the plan', () => {
    const other = catchSuccessKitError(() =>
      meetingReadiness({ ...prepared, accountId: 'globex' }, { asOf: '2026-07-01', plan: healthyPlan() }),
    );
    expect([other.code, ...issuePaths(other)]).toEqual(['invalid_reference', 'options.plan.accountId']);
    const stranger = catchSuccessKitError(() =>
      meetingReadiness({ ...prepared, mainContactId: 'zed' }, { asOf: '2026-07-01', plan: healthyPlan() }),
    );
    expect([stranger.code, ...issuePaths(stranger)]).toEqual(['invalid_reference', 'mainContactId']);
  });

  it('rejects a bad meeting, day or plan at its path', () => {
    expect(
      issuePaths(
        catchSuccessKitError(() => meetingReadiness({ ...prepared, date: 'tomorrow' }, { asOf: '2026-07-01' })),
      ),
    ).toEqual(['date']);
    expect(issuePaths(catchSuccessKitError(() => meetingReadiness(prepared, { asOf: '' })))).toEqual(['options.asOf']);
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          meetingReadiness(prepared, {
            asOf: '2026-07-01',
            plan: { id: 'p', accountId: 'acme', contacts: 3 } as never,
          }),
        ),
      ),
    ).toEqual(['options.plan.contacts']);
  });
});
