export { Account, isActiveAccount, parseAccount } from './account.js';
export {
  AccountEvent,
  EscalationSeverity,
  MeetingKind,
  TicketPriority,
  parseAccountEvent,
  type AccountEventType,
} from './account-event.js';
export { CalendarDate, calendarDate, isCalendarDate } from './calendar-date.js';
export { Contact, ContactRole, parseContact } from './contact.js';
export { addDays, addMonths, daysBetween, startOfPeriod, type CalendarPeriod } from './date-arithmetic.js';
export {
  SuccessKitError,
  formatPath,
  isSuccessKitError,
  successKitErrorCodes,
  type PathSegment,
  type SuccessKitErrorCode,
  type SuccessKitIssue,
} from './error.js';
export type { Contribution, ContributionValue, Explanation } from './explanation.js';
export { AttributeValue, Attributes, CurrencyCode, Id, Money } from './fields.js';
export { parseWith, type ParseOptions } from './parse.js';
export { Portfolio, parsePortfolio } from './portfolio.js';
export { MrrSnapshot, Subscription, parseMrrSnapshot, parseSubscription } from './subscription.js';
export { SurveyResponse, SurveyScale, parseSurveyResponse } from './survey-response.js';
export { UsagePeriod, UsageSnapshot, parseUsageSnapshot } from './usage-snapshot.js';
