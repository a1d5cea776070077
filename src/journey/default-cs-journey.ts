import { defineJourney } from './define-journey.js';
import type { Journey } from './journey.js';

const reached = (milestoneId: string) => ({ field: `milestones.${milestoneId}`, op: 'exists' }) as const;

/**
 * The customer success journey most B2B SaaS teams run, written as a CS
 * leader would hand it to a new CSM: trial → onboarding → adoption →
 * expansion → renewal, each with what the customer should think, feel and
 * do, the rule that says the Do is achieved, milestones from the onboarding
 * baseline (first login day 5, configuration day 10, go-live day 30, the
 * EBRs at days 90 and 270 of the contract, i.e. 60 and 240 days after
 * go-live), and a CSM touchpoint per milestone: go-live celebration,
 * success plan, health check, EBR/QBR and monthly check-ins, with a
 * referral or advocacy ask when a milestone succeeds.
 *
 * Where an account is: a trial runs from `trial_started` until
 * `trial_converted`; onboarding from the conversion (or the contract start)
 * until `go_live`; adoption from go-live on; expansion from the first
 * expansion (`expanded`) while MRR has not shrunk over the last 90 days (a
 * contraction puts the account back in adoption); renewal from 90 days
 * before the renewal date until 30 days after it (`withinNextDays` /
 * `withinLastDays`), whatever stage came before; leaving it for an earlier
 * stage once the renewal date moves on is a new cycle. Churned accounts are
 * in no stage.
 *
 * @example
 * ```ts
 * import { defaultCsJourney } from 'successkit/journey';
 *
 * defaultCsJourney.stages.map((stage) => [stage.id, stage.expectedDays]); // => [['trial', 30], ['onboarding', 45], ['adoption', 240], ['expansion', 1095], ['renewal', 120]]
 * defaultCsJourney.stages[2]?.do; // => 'Realizes the business value it bought: 75% of the target by the first EBR, all of it by the second.'
 * ```
 */
export const defaultCsJourney: Journey = /* @__PURE__ */ defineJourney({
  id: 'default-cs-journey',
  name: 'Customer success journey',
  description:
    'Trial, onboarding, adoption, expansion and renewal: what the customer should think, feel and do at each stage, the milestones that mark progress and the touchpoints that get them there.',
  stages: [
    {
      id: 'trial',
      name: 'Trial',
      think: 'This could replace the manual work my team hates, and I can see it working on our own data.',
      feel: 'Curious and unblocked: someone is helping me succeed, not just selling to me.',
      do: 'Signs in, connects real data, invites the team and decides to buy.',
      entry: reached('trial_started'),
      exit: reached('trial_converted'),
      since: 'milestones.trial_started',
      outcome: { all: [reached('first_login'), reached('configuration_complete')] },
      expectedDays: 30,
      milestones: [
        { id: 'trial_started', name: 'Trial started', dueDay: 0, evidence: reached('trial_started') },
        {
          id: 'trial_converted',
          name: 'Converted to a paid plan',
          dueDay: 30,
          evidence: reached('trial_converted'),
          celebration: 'celebrate',
        },
      ],
      touchpoints: [
        {
          id: 'trial_welcome',
          name: 'Welcome email with the three steps to value',
          channel: 'email',
          owner: 'csm',
          day: 0,
        },
        { id: 'trial_check_in', name: 'Trial check-in call', channel: 'call', owner: 'ae', day: 7 },
        { id: 'trial_decision', name: 'Decision call with the buyer', channel: 'meeting', owner: 'ae', day: 21 },
      ],
      targets: { minimumCsatShare: 0.75 },
    },
    {
      id: 'onboarding',
      name: 'Onboarding',
      think: 'They understood our goals, and the product fits how we work.',
      feel: 'Confident and looked after: we know what happens next and who owns it.',
      do: 'Completes configuration and goes live with the first team on a real workflow.',
      entry: { any: [{ field: 'milestones.trial_started', op: 'missing' }, reached('trial_converted')] },
      exit: reached('go_live'),
      since: ['milestones.trial_converted', 'startDate'],
      outcome: reached('configuration_complete'),
      expectedDays: 45,
      milestones: [
        { id: 'first_login', name: 'First login', dueDay: 5, evidence: reached('first_login') },
        {
          id: 'configuration_complete',
          name: 'Configuration complete',
          dueDay: 10,
          evidence: reached('configuration_complete'),
        },
        { id: 'go_live', name: 'Go-live', dueDay: 30, evidence: reached('go_live'), celebration: 'referral' },
      ],
      touchpoints: [
        { id: 'kickoff', name: 'Kickoff call', channel: 'meeting', owner: 'csm', day: 0 },
        {
          id: 'success_plan',
          name: 'Success plan agreed with the sponsor',
          channel: 'meeting',
          owner: 'csm',
          after: 'configuration_complete',
          daysAfter: 3,
        },
        { id: 'go_live_celebration', name: 'Go-live celebration', channel: 'call', owner: 'csm', after: 'go_live' },
      ],
      targets: { minimumNps: 20, minimumCsatShare: 0.8 },
    },
    {
      id: 'adoption',
      name: 'Adoption',
      think: 'This is how we work now, and it makes my team measurably better at its job.',
      feel: 'Proud of the results and sure the decision to buy was right.',
      do: 'Realizes the business value it bought: 75% of the target by the first EBR, all of it by the second.',
      entry: reached('go_live'),
      since: 'milestones.go_live',
      outcome: { field: 'valueRealized', op: 'gte', value: 0.75 },
      expectedDays: 240,
      milestones: [
        { id: 'ebr_1', name: 'First EBR: 75% of the target value', dueDay: 60, evidence: reached('ebr_1') },
        {
          id: 'ebr_2',
          name: 'Second EBR: all of the target value',
          dueDay: 240,
          evidence: reached('ebr_2'),
          celebration: 'advocacy',
        },
      ],
      touchpoints: [
        { id: 'adoption_check_in', name: 'Monthly check-in', channel: 'call', owner: 'csm', day: 30 },
        { id: 'health_check', name: 'Health check', channel: 'meeting', owner: 'csm', day: 45 },
        {
          id: 'ebr_1_recap',
          name: 'EBR recap: value delivered and next goals',
          channel: 'email',
          owner: 'csm',
          after: 'ebr_1',
          daysAfter: 2,
        },
        {
          id: 'ebr_2_celebration',
          name: 'Celebrate the full business value with the sponsor',
          channel: 'meeting',
          owner: 'csm',
          after: 'ebr_2',
        },
      ],
      targets: { minimumNps: 30, minimumCsatShare: 0.8 },
    },
    {
      id: 'expansion',
      name: 'Expansion',
      think: 'There is more value here for other teams and use cases.',
      feel: 'Excited to grow with us and proud to recommend us.',
      do: 'Adds seats, products or teams, and refers us or joins the advocacy program.',
      entry: reached('expanded'),
      exit: { field: 'mrrChange90Days', op: 'lt', value: 0 },
      since: 'milestones.expanded',
      outcome: { field: 'lastNpsCategory', op: 'eq', value: 'promoter' },
      expectedDays: 1095,
      milestones: [
        { id: 'expanded', name: 'Expansion signed', dueDay: 0, evidence: reached('expanded'), celebration: 'advocacy' },
        {
          id: 'promoter',
          name: 'Promoter on record',
          dueDay: 90,
          evidence: { field: 'lastNpsCategory', op: 'eq', value: 'promoter' },
          celebration: 'referral',
        },
      ],
      touchpoints: [
        {
          id: 'expansion_thanks',
          name: 'Thank-you from our executive sponsor',
          channel: 'email',
          owner: 'exec_sponsor',
          after: 'expanded',
        },
        { id: 'qbr', name: 'Quarterly business review', channel: 'meeting', owner: 'csm', day: 90 },
        {
          id: 'advocacy_invite',
          name: 'Invitation to the customer council',
          channel: 'email',
          owner: 'marketing',
          after: 'promoter',
          daysAfter: 7,
        },
      ],
      targets: { minimumNps: 50, minimumCsatShare: 0.85 },
    },
    {
      id: 'renewal',
      name: 'Renewal',
      think: 'Renewing is obvious: the results speak for themselves.',
      feel: 'Reassured: no surprises, the numbers were shared early.',
      do: 'Confirms the value delivered and renews on time, ideally for more.',
      entry: {
        any: [
          { field: 'renewalDate', op: 'withinNextDays', value: 90 },
          { field: 'renewalDate', op: 'withinLastDays', value: 30 },
        ],
      },
      since: { field: 'renewalDate', offsetDays: -90 },
      outcome: { field: 'valueRealized', op: 'gte', value: 1 },
      expectedDays: 120,
      recurring: true,
      milestones: [
        {
          id: 'renewal_review',
          name: 'Renewal review held',
          dueDay: 45,
          evidence: { field: 'lastMeetingDate', op: 'withinLastDays', value: 60 },
        },
      ],
      touchpoints: [
        { id: 'renewal_health_check', name: 'Renewal health check', channel: 'meeting', owner: 'csm', day: 0 },
        { id: 'renewal_proposal', name: 'Renewal proposal', channel: 'email', owner: 'ae', day: 45 },
        {
          id: 'renewal_thanks',
          name: 'Thank-you and next year’s success plan',
          channel: 'call',
          owner: 'csm',
          day: 95,
        },
      ],
      targets: { minimumNps: 30, minimumCsatShare: 0.8 },
    },
  ],
});
