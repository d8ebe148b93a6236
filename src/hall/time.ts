/** Local time of day in the center's zone, from the one clock's instant. */
const formats = new Map<string, Intl.DateTimeFormat>();

function parts(at: Date, timeZone: string) {
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })));
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, second: Number(p.second) };
}

/** HH:MM at this instant in the zone. */
export const localTime = (at: Date, timeZone: string) => parts(at, timeZone).time;

/** Hour of day (0–23) in the zone. */
export const localHour = (at: Date, timeZone: string) => Number(parts(at, timeZone).time.slice(0, 2));

/** The instant of a local date and HH:MM in the zone (no DST in China; computed generally anyway). */
export function instantOf(day: string, hhmm: string, timeZone: string): Date {
  const guess = new Date(`${day}T${hhmm}:00Z`);
  const p = parts(guess, timeZone);
  const shown = Date.parse(`${p.date}T${p.time}:00Z`);
  return new Date(guess.getTime() - (shown - guess.getTime()));
}
