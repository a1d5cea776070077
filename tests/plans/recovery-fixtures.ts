import type { RecoveryEvent } from '../../src/plans/index';

/** The record that completes each step, as a CSM would write it. */
export const completeEvents: Record<'assess' | 'acknowledge' | 'analyze' | 'assist' | 'amend', RecoveryEvent> = {
  assess: { type: 'complete', step: 'assess', details: { severity: 'high', summary: '40 customers billed twice' } },
  acknowledge: {
    type: 'complete',
    step: 'acknowledge',
    details: { channel: 'phone', apologyGiven: true, promisedResolutionDate: '2026-06-10' },
  },
  analyze: {
    type: 'complete',
    step: 'analyze',
    details: {
      what: 'Duplicate invoices',
      how: 'The retry job ran twice',
      why: 'No idempotency key on invoice runs',
      fix: 'Void the duplicates and refund',
      fixOwner: 'Billing team',
      prevention: 'Idempotency keys on every invoice run',
    },
  },
  assist: { type: 'complete', step: 'assist', details: { customerConfirmed: true, confirmedBy: 'Ana Ruiz' } },
  amend: { type: 'complete', step: 'amend', details: { changeKind: 'technology', change: 'Idempotency keys shipped' } },
};

export const opening = { id: 'r1', accountId: 'acme', summary: 'Invoices sent twice', openedAt: '2026-06-01' };
