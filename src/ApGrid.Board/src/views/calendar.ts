import { gql } from '../api';
import { banner, date, errorSummary, esc, tag } from '../html';
import { laOnly, type View } from '../view';

interface HalfTerm { name: string; startDate: string; endDate: string }
interface CalendarYear {
  academicYear: number; isDefault: boolean; terms: HalfTerm[]; insetDays: string[]; bankHolidays: string[]; schoolDays: number;
}

const termNames: Record<string, string> = {
  AUTUMN_1: 'Autumn 1', AUTUMN_2: 'Autumn 2', SPRING_1: 'Spring 1', SPRING_2: 'Spring 2', SUMMER_1: 'Summer 1', SUMMER_2: 'Summer 2',
};
const fields = 'academicYear isDefault terms { name startDate endDate } insetDays bankHolidays schoolDays';
const yearLabel = (year: number): string => `${year} to ${year + 1}`;
/** Room to add this many INSET days beyond those already set. */
const spareInsetInputs = 2;

function currentAcademicYear(): number {
  const now = new Date();
  return now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

function table(year: CalendarYear): string {
  const rows = year.terms.map(t => `<tr class="govuk-table__row">
    <th scope="row" class="govuk-table__header">${esc(termNames[t.name] ?? t.name)}</th>
    <td class="govuk-table__cell app-num">${date(t.startDate)}</td><td class="govuk-table__cell app-num">${date(t.endDate)}</td></tr>`).join('');
  const list = (dates: string[], none: string): string =>
    dates.length ? `<ul class="govuk-list">${dates.map(d => `<li>${date(d)}</li>`).join('')}</ul>` : `<p class="govuk-body">${none}</p>`;
  return `${year.isDefault ? `<p class="govuk-body" data-testid="default-tag">${tag('Default dates — not yet confirmed by the LA', 'yellow')}</p>` : ''}
    <table class="govuk-table" data-testid="terms-table">
      <caption class="govuk-table__caption govuk-table__caption--m">Half-terms ${esc(yearLabel(year.academicYear))}: ${year.schoolDays} school days</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Half-term</th>
        <th scope="col" class="govuk-table__header">First day</th><th scope="col" class="govuk-table__header">Last day</th></tr></thead>
      <tbody class="govuk-table__body">${rows}</tbody></table>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-half"><h2 class="govuk-heading-m">INSET days</h2>${list(year.insetDays, 'None set.')}</div>
      <div class="govuk-grid-column-one-half"><h2 class="govuk-heading-m">Bank holidays</h2>${list(year.bankHolidays, 'None.')}</div>
    </div>`;
}

function editor(year: CalendarYear): string {
  const dateInput = (id: string, text: string, value: string): string => `<div class="govuk-form-group">
    <label class="govuk-label" for="${id}">${text}</label>
    <input class="govuk-input govuk-input--width-10" type="date" id="${id}" name="${id}" value="${esc(value)}"></div>`;
  const terms = year.terms.map((t, i) => `<fieldset class="govuk-fieldset govuk-!-margin-bottom-4">
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(termNames[t.name] ?? t.name)}</legend>
    <div class="govuk-grid-row"><div class="govuk-grid-column-one-half">${dateInput(`start-${i}`, 'First day', t.startDate)}</div>
    <div class="govuk-grid-column-one-half">${dateInput(`end-${i}`, 'Last day', t.endDate)}</div></div></fieldset>`).join('');
  const inset = [...year.insetDays, ...Array<string>(spareInsetInputs).fill('')]
    .map((d, i) => dateInput(`inset-${i}`, `INSET day ${i + 1}`, d)).join('');
  return `<h2 class="govuk-heading-m">Change the dates</h2>
    <form data-testid="terms-form" novalidate>
      ${terms}
      <fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">INSET days</legend>
        <div class="govuk-hint">Leave a box empty to remove that day.</div>${inset}</fieldset>
      <button type="submit" class="govuk-button" data-module="govuk-button">Save dates</button>
    </form>`;
}

/** Term dates, INSET days and bank holidays per academic year; LA officers change them. */
export const calendarView: View = {
  id: 'calendar',
  title: 'School calendar',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF'],
  mount(root, viewer) {
    let disposed = false;
    let academicYear = currentAcademicYear();

    const render = async (notice = ''): Promise<void> => {
      let body: string;
      let year: CalendarYear | null = null;
      try {
        year = (await gql<{ schoolCalendar: CalendarYear }>(`query($y: Int!) { schoolCalendar(academicYear: $y) { ${fields} } }`, { y: academicYear })).schoolCalendar;
        body = table(year) + (laOnly(viewer) ? editor(year) : '');
      } catch (error) {
        body = errorSummary(error);
      }
      if (disposed) return;
      const options = [-1, 0, 1, 2].map(o => currentAcademicYear() + o)
        .map(y => `<option value="${y}"${y === academicYear ? ' selected' : ''}>${esc(yearLabel(y))}</option>`).join('');
      root.innerHTML = `<h1 class="govuk-heading-l">School calendar</h1>
        <p class="govuk-body">School days are the weekdays of these half-terms, less bank holidays and INSET days. Notice periods and review dates are counted in them.</p>
        <div class="govuk-form-group"><label class="govuk-label" for="calendar-year">Academic year</label>
          <select class="govuk-select" id="calendar-year">${options}</select></div>
        <div data-region="message">${notice}</div>${body}`;
      root.querySelector<HTMLSelectElement>('#calendar-year')!.addEventListener('change', event => {
        academicYear = Number((event.target as HTMLSelectElement).value);
        void render();
      });
      const form = root.querySelector<HTMLFormElement>('[data-testid=terms-form]');
      form?.addEventListener('submit', event => { event.preventDefault(); void save(form); });
      root.dataset.loaded = String(Date.now());
    };

    const save = async (form: HTMLFormElement): Promise<void> => {
      const value = (id: string): string => (form.elements.namedItem(id) as HTMLInputElement | null)?.value ?? '';
      const terms = [0, 1, 2, 3, 4, 5].map(i => ({ startDate: value(`start-${i}`), endDate: value(`end-${i}`) }));
      const message = root.querySelector<HTMLElement>('[data-region=message]')!;
      if (terms.some(t => !t.startDate || !t.endDate)) {
        message.innerHTML = errorSummary('Enter the first and last day of every half-term.');
        return;
      }
      const insetDays = [...form.querySelectorAll<HTMLInputElement>('input[id^=inset-]')].map(i => i.value).filter(v => v);
      try {
        await gql(`mutation($input: SetSchoolTermsInput!) { setSchoolTerms(input: $input) { academicYear } }`, { input: { academicYear, terms, insetDays } });
        await render(banner('Saved', `Term dates for ${yearLabel(academicYear)} saved.`, true));
      } catch (error) {
        message.innerHTML = errorSummary(error);
        message.scrollIntoView();
      }
    };

    void render();
    return () => { disposed = true; };
  },
};
