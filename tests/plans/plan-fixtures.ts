import type { AccountPlanInput } from '../../src/plans/index';

/** A plan with every building block in place as of 2026-06-30: its review has no finding. */
export function healthyPlan(): AccountPlanInput & {
  contacts: {
    id: string;
    name: string;
    role: 'champion' | 'peer' | 'leader' | 'executive_sponsor' | 'user';
    reportsTo?: string;
    lastEngagedDate?: string;
    leftDate?: string;
  }[];
} {
  return {
    id: 'plan-acme',
    accountId: 'acme',
    accountName: 'Acme Corp',
    contacts: [
      { id: 'cy', name: 'Cy Park', role: 'executive_sponsor', lastEngagedDate: '2026-05-20' },
      { id: 'bo', name: 'Bo Chen', role: 'leader', reportsTo: 'cy', lastEngagedDate: '2026-06-10' },
      { id: 'ana', name: 'Ana Ruiz', role: 'champion', reportsTo: 'bo', lastEngagedDate: '2026-06-20' },
      { id: 'dee', name: 'Dee Moss', role: 'peer', reportsTo: 'bo', lastEngagedDate: '2026-06-01' },
    ],
    purchaseReasons: [
      {
        id: 'r1',
        challenge: 'Tickets take 3 days to close',
        status: 'improving',
        recordedDate: '2026-01-10',
        lastReviewedDate: '2026-05-15',
      },
    ],
    successCriteria: [
      {
        id: 's1',
        area: 'First-response time',
        history: [
          { date: '2026-01-10', change: 'added' },
          { date: '2026-05-15', change: 'reviewed' },
        ],
      },
      {
        id: 's2',
        area: 'Self-serve deflection',
        history: [
          { date: '2026-02-01', change: 'added' },
          { date: '2026-06-01', change: 'changed' },
        ],
      },
    ],
    redFlags: [],
    initiatives: [
      { id: 'i1', name: 'Move support to self-serve', owner: 'client', ownerContactId: 'ana', status: 'open' },
    ],
    nextSteps: [{ id: 'n1', action: 'Send the EBR deck', owner: 'us', dueDate: '2026-07-10', status: 'open' }],
  };
}

export const asOf = '2026-06-30';
