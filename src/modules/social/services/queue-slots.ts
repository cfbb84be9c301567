export interface WeeklySlot {
  weekday: number;
  time: string;
}

const LOOKAHEAD_DAYS = 56;
const DAY_MS = 86_400_000;

/** The zone's wall-clock fields at an instant. */
function wallClock(at: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

function offsetMs(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (at - (at % 1000));
}

/** The instant a wall-clock time in the zone names (the later offset is re-checked across DST). */
export function zonedTime(
  date: { year: number; month: number; day: number },
  time: string,
  timeZone: string,
): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = asUtc - offsetMs(asUtc, timeZone);
  return asUtc - offsetMs(first, timeZone);
}

/**
 * The first slot time after `after` that no other post of the account takes
 * (`taken`: instants in ms), looking 8 weeks ahead; undefined when none is free.
 */
export function nextFreeSlot(
  slots: WeeklySlot[],
  timeZone: string,
  after: Date,
  taken: Set<number>,
): Date | undefined {
  if (slots.length === 0) return undefined;
  for (let day = 0; day <= LOOKAHEAD_DAYS; day += 1) {
    const local = wallClock(after.getTime() + day * DAY_MS, timeZone);
    const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
    const candidates = slots
      .filter((s) => s.weekday === weekday)
      .map((s) => zonedTime(local, s.time, timeZone))
      .filter((at) => at > after.getTime() && !taken.has(at))
      .sort((a, b) => a - b);
    if (candidates[0] !== undefined) return new Date(candidates[0]);
  }
  return undefined;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
