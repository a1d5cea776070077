export { Account, isActiveAccount, parseAccount } from './account';
export {
  AccountEvent,
  EscalationSeverity,
  MeetingKind,
  TicketPriority,
  parseAccountEvent,
  type AccountEventType,
} from './account-event';
export { CalendarDate, calendarDate, isCalendarDate } from './calendar-date';
export { Contact, ContactRole, parseContact } from './contact';
export { addDays, addMonths, daysBetween, startOfPeriod, type CalendarPeriod } from './date-arithmetic';
export {
  SuccessKitError,
  formatPath,
  isSuccessKitError,
  successKitErrorCodes,
  type PathSegment,
  type SuccessKitErrorCode,
  type SuccessKitIssue,
} from './error';
export type { Contribution, ContributionValue, Explanation } from './explanation';
export { AttributeValue, Attributes, CurrencyCode, Id, Money } from './fields';
export { parseWith, type ParseOptions } from './parse';
export { Portfolio, parsePortfolio } from './portfolio';
export { MrrSnapshot, Subscription, parseMrrSnapshot, parseSubscription } from './subscription';
export { SurveyResponse, SurveyScale, parseSurveyResponse } from './survey-response';
export { UsagePeriod, UsageSnapshot, parseUsageSnapshot } from './usage-snapshot';
