/**
 * The board's one place for turning the API's values into the words people use: enum constants,
 * counts, year groups, sessions, times. A view never shows a constant as it comes.
 */

/** Fallback for a constant without its own words: "WAITING" becomes "Waiting". */
export const label = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

/** "1 offer", "2 offers"; the plural given when it is not the singular plus "s". */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

const lookup = (words: Record<string, string>) => (value: string | null | undefined): string =>
  value ? words[value] ?? label(value) : '';

/** Year groups as schools say them. */
export const yearGroup = (n: number): string => n === 0 ? 'Reception' : n > 11 ? 'Past Year 11' : n < 0 ? 'Nursery' : `Year ${n}`;

/** Key stages as schools write them: "KS3", "Early years", "Post-16". */
export const keyStageName = (value: string): string => ({ EYFS: 'Early years', POST_16: 'Post-16' } as Record<string, string>)[value] ?? value;

const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const dayCodes = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

/** "TUE_PM" as people say it: "Tuesday afternoon". */
export function sessionName(session: string): string {
  const [day, half] = session.split('_');
  return `${days[dayCodes.indexOf(day)] ?? day} ${half === 'AM' ? 'morning' : 'afternoon'}`;
}

/** For a narrow column heading: "Tue pm" (the full name goes in the heading's title). */
export const sessionShort = (session: string): string => {
  const [day, half] = session.split('_');
  return `${day.charAt(0)}${day.slice(1).toLowerCase()} ${half.toLowerCase()}`;
};

export const allSessions = dayCodes.flatMap(d => [`${d}_AM`, `${d}_PM`]);

export const settingType = lookup({
  PUPIL_REFERRAL_UNIT: 'Pupil referral unit', AP_ACADEMY: 'AP academy', AP_FREE_SCHOOL: 'AP free school',
  INDEPENDENT_SCHOOL: 'Independent school', UNREGISTERED_PROVIDER: 'Unregistered provider',
});

export const roleName = lookup({
  LA_OFFICER: 'LA officer', SCHOOL_STAFF: 'School staff', AP_STAFF: 'AP staff', SPECIAL_SCHOOL_STAFF: 'Special school staff',
  PARTNER: 'Partner', LA_ADMIN: 'LA administrator',
});
export const roles = ['LA_OFFICER', 'SCHOOL_STAFF', 'AP_STAFF', 'SPECIAL_SCHOOL_STAFF', 'PARTNER', 'LA_ADMIN'];

export const outcomeName = lookup({
  RETURNED_TO_MAINSTREAM: 'Returned to mainstream school', MOVED_TO_SPECIAL_SCHOOL: 'Moved to a special school',
  MOVED_TO_OTHER_AP: 'Moved to other AP', LEFT_EDUCATION: 'Left education', REACHED_SCHOOL_LEAVING_AGE: 'Reached school leaving age',
});

export const ehcStage = lookup({
  REQUESTED: 'Requested', ASSESSING: 'Being assessed', DRAFT_ISSUED: 'Draft issued', FINAL_ISSUED: 'Final plan issued',
  NOT_ASSESSED: 'Decided not to assess', NOT_ISSUED: 'Decided not to issue',
});

const routeWords: Record<string, string> = {
  LA_PANEL: 'LA panel referral', OFF_SITE_DIRECTION: 'Off-site direction (school)', SUSPENSION_PROVISION: 'Provision for a suspension (school)',
  S19_PERMANENT_EXCLUSION: 'LA provision after permanent exclusion (s19)', S19_HEALTH_OR_OTHER: 'LA provision for health or other needs (s19)',
  EHC_PLAN_S61: 'Named in an EHC plan (s61)',
};
export const routeName = lookup(routeWords);

/** A moment as a clock on the wall in England shows it: "14:05:09". */
export const clockTime = (at: Date): string =>
  at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'Europe/London' });

/**
 * Any CONSTANT_CASE word in a message (a server text quoting the schema) in plain words, so an
 * error reads "Tuesday afternoon" or "Draft issued" rather than TUE_PM or DRAFT_ISSUED.
 */
export function plainWords(text: string): string {
  return text.replace(/\b(MON|TUE|WED|THU|FRI)_(AM|PM)\b/g, s => sessionName(s))
    .replace(/\b(AUTUMN|SPRING|SUMMER)_([12])\b/g, (_, term: string, half: string) => `${label(term)} ${half}`)
    .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, c => label(c).toLowerCase());
}
