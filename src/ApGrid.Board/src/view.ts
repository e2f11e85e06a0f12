import { ApiError, subscribe, type Role, type Viewer } from './api';
import { errorSummary } from './html';
import { noteUpdated } from './live';

export interface View {
  id: string;
  title: string;
  roles: Role[];
  mount(root: HTMLElement, viewer: Viewer): () => void;
}

/**
 * The pattern every view but the capacity board follows: load, render, and on any event of its
 * subscriptions load again. Loads never overlap; events that arrive during one cause exactly one more.
 */
export function liveView(root: HTMLElement, options: {
  load: () => Promise<string>;
  subscriptions: { query: string; variables?: Record<string, unknown> }[];
  /** Wires the rendered page; <code>refresh</code> loads it again, for changes a caller's feed does not carry. */
  after?: (root: HTMLElement, refresh: () => void) => void;
}): () => void {
  let disposed = false;
  let running = false;
  let again = false;
  // A change arriving while someone types into a form must not wipe what they typed: the page says
  // it changed and loads again when they act (or ask).
  let editing = false;
  let stale = false;
  const onInput = (): void => { editing = true; };
  // Once sent, what was typed is with the API: the next change may load the page again.
  const onSubmit = (): void => { editing = false; };
  root.addEventListener('input', onInput);
  root.addEventListener('submit', onSubmit);
  // A question on the page (confirm.ts) holds changes back like a form being filled in, until answered.
  root.addEventListener('apgrid:hold', onInput);
  root.addEventListener('apgrid:release', onSubmit);

  const refresh = async (): Promise<void> => {
    if (running) { again = true; return; }
    running = true;
    editing = false;
    stale = false;
    try {
      do {
        again = false;
        let html: string;
        try { html = await options.load(); } catch (error) { html = errorSummary(error); }
        if (disposed) return;
        root.innerHTML = html;
        options.after?.(root, () => void refresh());
        root.dataset.loaded = String(Date.now());
        noteUpdated();
      } while (again && !disposed);
    } finally {
      running = false;
    }
  };

  const changed = (): void => {
    if (!editing) { void refresh(); return; }
    if (stale || disposed) return;
    stale = true;
    root.insertAdjacentHTML('afterbegin', `<div class="govuk-inset-text" data-testid="stale">This page has changed since you started typing.
      <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-action="reload">Show the changes</button></div>`);
    root.querySelector('[data-action=reload]')?.addEventListener('click', () => void refresh());
  };

  const stops = options.subscriptions.map(s => subscribe(s.query, changed, error => {
    if (!disposed) root.insertAdjacentHTML('afterbegin', errorSummary(error));
  }, s.variables));
  void refresh();
  return () => {
    disposed = true;
    root.removeEventListener('input', onInput);
    root.removeEventListener('submit', onSubmit);
    root.removeEventListener('apgrid:hold', onInput);
    root.removeEventListener('apgrid:release', onSubmit);
    stops.forEach(stop => stop());
  };
}

export const laOnly = (viewer: Viewer): boolean => viewer.role === 'LA_OFFICER';

/** Non-LA roles see only CAPACITY entries of the feed (the API's rule); for them it is the nudge to look again. */
export const feedFor = (viewer: Viewer, kinds: string[]): { query: string } =>
  ({ query: `subscription { changes(kinds: [${(laOnly(viewer) ? kinds : ['CAPACITY']).join(', ')}]) { cursor kind } }` });

/** Runs a mutation from a form; a refusal is shown in the form's message region, naming the rule; success loads the page again. */
export function formAction(form: HTMLFormElement, run: (data: FormData) => Promise<unknown>, refresh: () => void): void {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const message = form.querySelector<HTMLElement>('[data-region=form-message]')!;
    message.innerHTML = '';
    try {
      await run(new FormData(form));
      refresh();
    } catch (error) {
      message.innerHTML = errorSummary(error instanceof ApiError ? error : new Error(String(error)));
    }
  });
}
