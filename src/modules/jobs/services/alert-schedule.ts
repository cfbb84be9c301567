import type { AlertFrequency } from '../entities/job-alert.entity';

const STEP_MS = 15 * 60_000;
/** Eight days of quarter hours: always past the next Monday, DST changes included. */
const MAX_STEPS = 8 * 24 * 4;
const formatters = new Map<string, Intl.DateTimeFormat>();

function localClock(at: Date, timezone: string): { weekday: string; hour: number; minute: number } {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: part('weekday'), hour: Number(part('hour')), minute: Number(part('minute')) };
}

/**
 * The first instant after `after` when it is `hour`:00 in `timezone` (on a
 * Monday for weekly alerts). Quarter-hour steps cover zones offset by 30 or 45
 * minutes; an hour skipped by a DST change moves the run to the next day.
 */
export function nextAlertRun(
  frequency: AlertFrequency,
  hour: number,
  timezone: string,
  after: Date,
): Date {
  let at = Math.floor(after.getTime() / STEP_MS) * STEP_MS + STEP_MS;
  for (let step = 0; step < MAX_STEPS; step += 1, at += STEP_MS) {
    const clock = localClock(new Date(at), timezone);
    if (clock.hour !== hour || clock.minute !== 0) continue;
    if (frequency === 'weekly' && clock.weekday !== 'Mon') continue;
    return new Date(at);
  }
  throw new Error(`No ${frequency} run at ${hour}:00 in ${timezone}`);
}
