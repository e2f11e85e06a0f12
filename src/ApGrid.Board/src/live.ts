import { clockTime } from './words';

/**
 * The page's "is this live?" line: whether the socket is up, and when the data on the page last
 * changed (a view loaded or a live event arrived). Lives in the navigation, outside any view.
 */
type SocketState = 'connecting' | 'live' | 'reconnecting';
let socket: SocketState = 'connecting';
let updatedAt: Date | null = null;

const stateWords: Record<SocketState, string> = { connecting: 'Connecting', live: 'Live', reconnecting: 'Reconnecting' };

export function liveIndicator(): string {
  return `<span class="app-live" data-testid="live-indicator" role="status">${inner()}</span>`;
}

function inner(): string {
  const colour = socket === 'live' ? 'govuk-tag--green' : 'govuk-tag--grey';
  return `<strong class="govuk-tag ${colour}" data-state="${socket}">${stateWords[socket]}</strong>${
    updatedAt ? ` updated <time data-testid="live-updated" datetime="${updatedAt.toISOString()}">${clockTime(updatedAt)}</time>` : ''}`;
}

function render(): void {
  const element = document.querySelector<HTMLElement>('[data-testid=live-indicator]');
  if (element) element.innerHTML = inner();
}

/** The data on the page has just changed: a view loaded, or a live event arrived. */
export function noteUpdated(): void {
  updatedAt = new Date();
  render();
}

export function noteSocket(state: 'connected' | 'closed'): void {
  socket = state === 'connected' ? 'live' : 'reconnecting';
  render();
}
