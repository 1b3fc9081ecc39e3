// Support working hours in a time zone: is the team working now, and when does it next start. Runtime: any (Intl).

export interface WorkingHours {
  readonly timeZone: string;
  /** Per ISO weekday 1 (Mon) … 7 (Sun): [startMinute, endMinute) of local time, or undefined when closed. */
  readonly days: Readonly<Record<number, readonly [number, number] | undefined>>;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Parses `mon-fri 09:00-21:00; sat-sun 10:00-18:00` (24/7: `mon-sun 00:00-24:00`). */
export function parseWorkingHours(text: string, timeZone: string): WorkingHours {
  new Intl.DateTimeFormat('en-GB', { timeZone }).format(0);
  const days: Record<number, readonly [number, number] | undefined> = {};
  for (const part of text
    .split(/[;,]/)
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)) {
    const match = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(part);
    if (match === null) throw new Error(`cannot read working hours "${part}": write e.g. "mon-fri 09:00-21:00"`);
    const from = DAY_NAMES.indexOf(match[1] ?? '');
    const to = DAY_NAMES.indexOf(match[2] ?? match[1] ?? '');
    if (from === -1 || to === -1) throw new Error(`unknown day in "${part}": use mon, tue, wed, thu, fri, sat, sun`);
    const start = Number(match[3]) * 60 + Number(match[4]);
    const end = Number(match[5]) * 60 + Number(match[6]);
    if (end <= start || end > 1440) throw new Error(`hours in "${part}" must end after they start, by 24:00`);
    for (let day = from; ; day = (day + 1) % 7) {
      days[day + 1] = [start, end];
      if (day === to) break;
    }
  }
  return { timeZone, days };
}

function localParts(date: Date, timeZone: string): { weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const weekday = DAY_NAMES.indexOf(get('weekday').toLowerCase().slice(0, 3)) + 1;
  return { weekday, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

export function isOpen(hours: WorkingHours, at: Date): boolean {
  const { weekday, minute } = localParts(at, hours.timeZone);
  const range = hours.days[weekday];
  return range !== undefined && minute >= range[0] && minute < range[1];
}

/** The next moment the team starts working (`at` itself when open), searched minute-exactly up to 8 days ahead. */
export function nextOpening(hours: WorkingHours, at: Date): Date | undefined {
  if (isOpen(hours, at)) return at;
  const { weekday, minute } = localParts(at, hours.timeZone);
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = ((weekday - 1 + offset) % 7) + 1;
    const range = hours.days[day];
    if (range === undefined) continue;
    const minutesAhead = offset * 1440 + range[0] - minute;
    if (minutesAhead <= 0) continue;
    return new Date(Math.floor(at.getTime() / 60_000) * 60_000 + minutesAhead * 60_000);
  }
  return undefined;
}
