/**
 * A Date whose local-time accessors read and write UTC. date-fns does its
 * calendar math through local-time accessors; handing it these keeps every
 * result independent of the host's time zone, including zones with DST and
 * days that a zone skipped (Pacific/Kiritimati has no 1994-12-31).
 *
 * @internal
 */
export class UtcDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  override setFullYear(...args: Parameters<Date['setUTCFullYear']>): number {
    return this.setUTCFullYear(...args);
  }
  override setMonth(...args: Parameters<Date['setUTCMonth']>): number {
    return this.setUTCMonth(...args);
  }
  override setDate(...args: Parameters<Date['setUTCDate']>): number {
    return this.setUTCDate(...args);
  }
  override setHours(...args: Parameters<Date['setUTCHours']>): number {
    return this.setUTCHours(...args);
  }
  override setMinutes(...args: Parameters<Date['setUTCMinutes']>): number {
    return this.setUTCMinutes(...args);
  }
  override setSeconds(...args: Parameters<Date['setUTCSeconds']>): number {
    return this.setUTCSeconds(...args);
  }
  override setMilliseconds(...args: Parameters<Date['setUTCMilliseconds']>): number {
    return this.setUTCMilliseconds(...args);
  }
}
