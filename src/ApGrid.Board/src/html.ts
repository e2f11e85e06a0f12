import { ApiError } from './api';
import { plainWords } from './words';

/** Everything shown comes from the API; escape it before it becomes markup. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** What went wrong in words: the API's messages (without its codes), schema constants made plain. */
export function errorSummary(error: unknown): string {
  const message = error instanceof ApiError ? error.errors.map(e => e.message).join(' ')
    : error instanceof Error ? error.message : String(error);
  return `<div class="govuk-error-summary" data-module="govuk-error-summary" role="alert" data-testid="api-error">
    <div role="alert"><h2 class="govuk-error-summary__title">The API refused or failed</h2>
    <div class="govuk-error-summary__body"><p class="govuk-body">${esc(plainWords(message))}</p></div></div></div>`;
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

export function date(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
