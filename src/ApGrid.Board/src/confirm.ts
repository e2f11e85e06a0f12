import { esc } from './html';

/**
 * A second step before an action that commits the LA (an offer, an allocation): the button opens a
 * question in the page with "Yes" and "Cancel"; only "Yes" runs the action. In the page rather than
 * window.confirm, so it is styled, read by screen readers in place, and testable.
 */
export function confirmBefore(button: HTMLButtonElement, question: string, yes: string, run: () => Promise<void>): void {
  button.addEventListener('click', () => {
    button.hidden = true;
    const box = document.createElement('div');
    box.className = 'govuk-warning-text';
    box.dataset.testid = 'confirm';
    box.innerHTML = `<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <div class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
        <p class="govuk-body govuk-!-font-weight-bold" role="alert">${esc(question)}</p>
        <div class="govuk-button-group">
          <button type="button" class="govuk-button" data-action="confirm">${esc(yes)}</button>
          <button type="button" class="govuk-button govuk-button--secondary" data-action="cancel">Cancel</button></div></div>`;
    button.after(box);
    box.dispatchEvent(new CustomEvent('apgrid:hold', { bubbles: true }));
    const release = (): boolean => box.dispatchEvent(new CustomEvent('apgrid:release', { bubbles: true }));
    const confirm = box.querySelector<HTMLButtonElement>('[data-action=confirm]')!;
    confirm.focus();
    box.querySelector('[data-action=cancel]')!.addEventListener('click', () => { release(); box.remove(); button.hidden = false; button.focus(); });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      // Answered: the changes the action causes may redraw the page as they arrive.
      release();
      try {
        await run();
      } finally {
        box.remove();
        button.hidden = false;
      }
    });
  });
}
