/** Everything shown comes from the API; escape it before it becomes markup. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function errorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `<div class="govuk-error-summary" data-module="govuk-error-summary" role="alert" data-testid="api-error">
    <div role="alert"><h2 class="govuk-error-summary__title">The API refused or failed</h2>
    <div class="govuk-error-summary__body"><p class="govuk-body">${esc(message)}</p></div></div></div>`;
}

export function banner(title: string, text: string, success = false): string {
  return `<div class="govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}" role="${success ? 'alert' : 'region'}"
    aria-labelledby="banner-title" data-module="govuk-notification-banner">
    <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">${esc(title)}</h2></div>
    <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${esc(text)}</p></div></div>`;
}

export function tag(text: string, colour?: 'red' | 'green' | 'yellow' | 'orange' | 'grey' | 'blue' | 'purple' | 'turquoise'): string {
  return `<strong class="govuk-tag${colour ? ` govuk-tag--${colour}` : ''}">${esc(text)}</strong>`;
}

export const label = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

export function date(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const dayCodes = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

/** "TUE_PM" as people say it: "Tuesday afternoon". */
export function sessionName(session: string): string {
  const [day, half] = session.split('_');
  return `${days[dayCodes.indexOf(day)] ?? day} ${half === 'AM' ? 'morning' : 'afternoon'}`;
}

export const allSessions = dayCodes.flatMap(d => [`${d}_AM`, `${d}_PM`]);

const routeWords: Record<string, string> = {
  LA_PANEL: 'LA panel referral', OFF_SITE_DIRECTION: 'Off-site direction (school)', SUSPENSION_PROVISION: 'Provision for a suspension (school)',
  S19_PERMANENT_EXCLUSION: 'LA provision after permanent exclusion (s19)', S19_HEALTH_OR_OTHER: 'LA provision for health or other needs (s19)',
  EHC_PLAN_S61: 'Named in an EHC plan (s61)',
};

export const routeName = (route: string): string => routeWords[route] ?? label(route);
