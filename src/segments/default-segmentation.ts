import { defineSegmentation } from './define-segmentation.js';
import type { Segmentation } from './segmentation.js';

/**
 * The ARR breakpoints of {@link defaultSegmentation}, money per year: an
 * account with at least `high` ARR is high touch, one with at least `low`
 * low touch, every other account (churned ones and those without ARR
 * included) tech touch.
 *
 * Why these: a fully loaded CSM costs about 100,000–150,000 a year and a
 * high-touch CSM can serve 10–20 accounts (the service model below takes
 * about 5.8 hours a month per account, 17 accounts in 100 hours). At
 * 100,000 ARR and up, such a book holds 1.7 million ARR or more, ten times
 * the CSM's cost or better: the ratio of book to cost that public
 * benchmarks name as healthy. Below 15,000 ARR, even a low-touch book of
 * 85 accounts holds less than 1.3 million, under ten times its cost, so
 * those accounts are served at scale.
 *
 * @example
 * ```ts
 * import { defaultArrBreakpoints } from 'successkit/segments';
 *
 * defaultArrBreakpoints; // => { high: 100000, low: 15000 }
 * ```
 */
export const defaultArrBreakpoints: { readonly high: number; readonly low: number } = /* @__PURE__ */ Object.freeze({
  high: 100_000,
  low: 15_000,
});

/**
 * The segmentation a CS leader starts from: three tiers by ARR, with the
 * service models of a touch-plan pyramid.
 *
 * | segment | who | service model a year | CSM hours per account per month |
 * |---|---|---|---|
 * | `high-touch` | ARR ≥ 100,000 | 12 check-ins of 1.5 h, 4 QBR/EBRs of 6 h, 2 health checks of 2 h, 1 onsite of 12 h, 12 ad-hoc requests of 1 h, monthly automated touches | 70 h a year, 5.83 h a month |
 * | `low-touch` | ARR ≥ 15,000 | 4 check-ins of 1.5 h, 1 EBR of 4 h, 2 health checks of 1 h, 4 ad-hoc requests of 0.5 h, automated touches every other week | 14 h a year, 1.17 h a month |
 * | `tech-touch` | everyone else (the fallback) | weekly automated touches (onboarding, adoption, webinars, renewal notices), one pooled review of 0.5 h | 0.5 h a year, 0.04 h a month |
 *
 * The hours count preparation and follow-up, not only the meeting: a QBR
 * is a deck, a rehearsal, the meeting and its notes. At 100 hours a month
 * on the book, a CSM serves about 17 high-touch accounts, 86 low-touch ones,
 * or 2,400 tech-touch accounts from a pool. See docs/segments.md.
 *
 * @example
 * ```ts
 * import { defaultSegmentation } from 'successkit/segments';
 *
 * defaultSegmentation.segments.map((segment) => `${segment.id}: ${segment.tier}`); // => ['high-touch: high', 'low-touch: low', 'tech-touch: tech']
 * defaultSegmentation.segments[0]?.rule; // => { field: 'arr', op: 'gte', value: 100000 }
 * ```
 */
export const defaultSegmentation: Segmentation = /* @__PURE__ */ defineSegmentation({
  id: 'default',
  name: 'Touch tiers by ARR',
  tiers: ['high', 'low', 'tech'],
  segments: [
    {
      id: 'high-touch',
      name: 'High touch',
      description: 'A named CSM who researches the account (a Customer 360) and reaches out: check-ins, QBRs, onsites.',
      tier: 'high',
      rule: { field: 'arr', op: 'gte', value: 100_000 },
      activities: [
        { id: 'check-in', name: 'Monthly check-in', delivery: 'csm', perYear: 12, hours: 1.5 },
        { id: 'qbr', name: 'Quarterly business review (QBR/EBR)', delivery: 'csm', perYear: 4, hours: 6 },
        { id: 'health-check', name: 'Health check and success plan review', delivery: 'csm', perYear: 2, hours: 2 },
        { id: 'onsite', name: 'Onsite visit', delivery: 'csm', perYear: 1, hours: 12 },
        { id: 'ad-hoc', name: 'Ad-hoc requests and escalations', delivery: 'csm', perYear: 12, hours: 1 },
        { id: 'newsletter', name: 'Product newsletter', delivery: 'automated', perYear: 12, hours: 0 },
      ],
    },
    {
      id: 'low-touch',
      name: 'Low touch',
      description: 'A CSM with a larger book: quarterly check-ins, a yearly EBR, automated programmes between.',
      tier: 'low',
      rule: { field: 'arr', op: 'gte', value: 15_000 },
      activities: [
        { id: 'check-in', name: 'Quarterly check-in', delivery: 'csm', perYear: 4, hours: 1.5 },
        { id: 'ebr', name: 'Executive business review', delivery: 'csm', perYear: 1, hours: 4 },
        { id: 'health-check', name: 'Health check', delivery: 'csm', perYear: 2, hours: 1 },
        { id: 'ad-hoc', name: 'Ad-hoc requests', delivery: 'csm', perYear: 4, hours: 0.5 },
        { id: 'adoption-email', name: 'Adoption email programme', delivery: 'automated', perYear: 26, hours: 0 },
      ],
    },
    {
      id: 'tech-touch',
      name: 'Tech touch',
      description: 'Scalable, automated outreach with a pooled team behind it.',
      tier: 'tech',
      fallback: true,
      activities: [
        {
          id: 'lifecycle-email',
          name: 'Lifecycle emails and in-app guides',
          delivery: 'automated',
          perYear: 52,
          hours: 0,
        },
        { id: 'pooled-review', name: 'Pooled health review', delivery: 'csm', perYear: 1, hours: 0.5 },
      ],
    },
  ],
});
