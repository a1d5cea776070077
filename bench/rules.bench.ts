import jsonLogic, { type RulesLogic } from 'json-logic-js';
import type { Account } from 'successkit/core';
import { compileRule, defineRule } from 'successkit/rules';
import { samplePortfolio } from 'successkit/sample';
import { medianMs, report } from './report.js';

// Requirement: a 6-leaf rule (`all` of 4 comparisons plus an `any` of 2) over
// 1,000,000 account records runs at ≥ 10,000,000 evaluations per second on
// one core, and ≥ 10× json-logic-js on the equivalent rule in the same run.
const recordCount = 1_000_000;

// 10,000 distinct sample accounts, copied (with their attributes) into one
// million separate records, so the predicate reads a million objects as a
// real portfolio scan would, not the same few thousand from cache.
const accounts = samplePortfolio({ accounts: 10_000, seed: 1, asOf: '2026-06-30' }).accounts;
const records: Account[] = Array.from({ length: recordCount }, (_, index) => {
  const account = accounts[index % accounts.length];
  if (account === undefined) throw new Error('the sample portfolio is empty');
  return { ...account, ...(account.attributes === undefined ? {} : { attributes: { ...account.attributes } }) };
});

const rule = defineRule(
  {
    all: [
      { field: 'arr', op: 'gte', value: 10_000 },
      { field: 'licenses', op: 'gt', value: 5 },
      { field: 'renewalDate', op: 'lt', value: '2027-03-31' },
      { field: 'employees', op: 'lte', value: 50_000 },
      {
        any: [
          { field: 'plan', op: 'in', value: ['growth', 'enterprise'] },
          { field: 'attributes.hasSso', op: 'eq', value: true },
        ],
      },
    ],
  },
  {
    fields: {
      arr: 'number',
      licenses: 'number',
      renewalDate: 'date',
      employees: 'number',
      plan: 'string',
      'attributes.hasSso': 'boolean',
    },
  },
);
const jsonLogicRule: RulesLogic = {
  and: [
    { '>=': [{ var: 'arr' }, 10_000] },
    { '>': [{ var: 'licenses' }, 5] },
    { '<': [{ var: 'renewalDate' }, '2027-03-31'] },
    { '<=': [{ var: 'employees' }, 50_000] },
    {
      or: [{ in: [{ var: 'plan' }, ['growth', 'enterprise']] }, { '==': [{ var: 'attributes.hasSso' }, true] }],
    },
  ],
};

const matches = compileRule(rule);
let compiledCount = 0;
let jsonLogicCount = 0;

function countCompiled(): void {
  let count = 0;
  for (const record of records) if (matches(record)) count++;
  compiledCount = count;
}

function countJsonLogic(): void {
  let count = 0;
  for (const record of records) if (jsonLogic.apply(jsonLogicRule, record) === true) count++;
  jsonLogicCount = count;
}

const compiledMs = await medianMs('compileRule', countCompiled, 10);
const jsonLogicMs = await medianMs('json-logic-js', countJsonLogic, 3);
// The match counts keep the work observable (the JIT cannot drop it) and prove both engines computed the same thing.
if (compiledCount !== jsonLogicCount || compiledCount === 0 || compiledCount === recordCount) {
  throw new Error(
    `engines disagree or the rule is trivial: ${String(compiledCount)} vs ${String(jsonLogicCount)} matches`,
  );
}

const compiledRate = Math.round((recordCount / compiledMs) * 1000);
const jsonLogicRate = Math.round((recordCount / jsonLogicMs) * 1000);
report({
  name: 'compileRule 6-leaf rule, 1,000,000 accounts',
  opsPerSec: compiledRate,
  ratio: Math.round((compiledRate / jsonLogicRate) * 10) / 10,
  target: '≥ 10,000,000 evaluations/s and ≥ 10× json-logic-js',
});
report({ name: 'json-logic-js 6-leaf rule, 1,000,000 accounts', opsPerSec: jsonLogicRate });
