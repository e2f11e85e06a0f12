import { ApiError, gql, type Viewer } from '../api';
import { errorSummary, esc, tag } from '../html';
import { feedFor, liveView, type View } from '../view';

export interface Exclusion {
  id: string; kind: string; startDate: string; sessions: number | null; reason: string;
  sixthSchoolDay: string; owedBy: string | null; lastDay: string | null; reinstatedOn: string | null;
}

/** The fields the pupil page asks for. */
export const exclusionFields = 'exclusions { id kind startDate sessions reason sixthSchoolDay owedBy lastDay reinstatedOn }';

const kindWords: Record<string, string> = { SUSPENSION: 'Suspension', PERMANENT_EXCLUSION: 'Permanent exclusion' };
const owedWords: Record<string, string> = { SCHOOL: 'The school', LOCAL_AUTHORITY: 'The LA' };

/** The school census reasons in the DfE's words. */
const reasonWords: Record<string, string> = {
  PHYSICAL_ASSAULT_AGAINST_A_PUPIL: 'Physical assault against a pupil',
  PHYSICAL_ASSAULT_AGAINST_AN_ADULT: 'Physical assault against an adult',
  VERBAL_ABUSE_OR_THREATENING_BEHAVIOUR_AGAINST_A_PUPIL: 'Verbal abuse or threatening behaviour against a pupil',
  VERBAL_ABUSE_OR_THREATENING_BEHAVIOUR_AGAINST_AN_ADULT: 'Verbal abuse or threatening behaviour against an adult',
  USE_OR_THREAT_OF_USE_OF_AN_OFFENSIVE_WEAPON_OR_PROHIBITED_ITEM: 'Use or threat of use of an offensive weapon or prohibited item',
  BULLYING: 'Bullying',
  RACIST_ABUSE: 'Racist abuse',
  ABUSE_AGAINST_SEXUAL_ORIENTATION_AND_GENDER_IDENTITY: 'Abuse against sexual orientation and gender identity',
  ABUSE_RELATING_TO_DISABILITY: 'Abuse relating to disability',
  SEXUAL_MISCONDUCT: 'Sexual misconduct',
  DRUG_AND_ALCOHOL_RELATED: 'Drug and alcohol related',
  DAMAGE: 'Damage',
  THEFT: 'Theft',
  INAPPROPRIATE_USE_OF_SOCIAL_MEDIA_OR_ONLINE_TECHNOLOGY: 'Inappropriate use of social media or online technology',
  WILFUL_AND_REPEATED_TRANSGRESSION_OF_PROTECTIVE_MEASURES: 'Wilful and repeated transgression of protective measures in place to protect public health',
  PERSISTENT_OR_GENERAL_DISRUPTIVE_BEHAVIOUR: 'Persistent or general disruptive behaviour',
  OTHER: 'Other',
};

/** "Tuesday 12 January": how a deadline is said. */
export function dayInWords(value: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  const part = (o: Intl.DateTimeFormatOptions): string => d.toLocaleDateString('en-GB', { ...o, timeZone: 'UTC' });
  return `${part({ weekday: 'long' })} ${d.getUTCDate()} ${part({ month: 'long' })}`;
}

const length = (e: Exclusion): string => e.kind === 'SUSPENSION'
  ? `${e.sessions! / 2} school day${e.sessions === 2 ? '' : 's'}${e.lastDay ? `, to ${dayInWords(e.lastDay)}` : ''}`
  : 'Indefinite';

/** The pupil page's section: the exclusions, and for the home school or the LA the form that records one. */
// Ids carry a prefix: the pupil page's correction form already has a "reason".
export function exclusionsSection(exclusions: Exclusion[], canRecord: boolean): string {
  const rows = exclusions.map(e => `<tr class="govuk-table__row" data-testid="exclusion">
    <td class="govuk-table__cell">${esc(kindWords[e.kind] ?? e.kind)}</td>
    <td class="govuk-table__cell app-num">${dayInWords(e.startDate)}</td>
    <td class="govuk-table__cell">${esc(length(e))}</td>
    <td class="govuk-table__cell">${esc(reasonWords[e.reason] ?? e.reason)}</td>
    <td class="govuk-table__cell">${e.reinstatedOn ? `Reinstated ${dayInWords(e.reinstatedOn)}`
      : e.owedBy ? `${esc(owedWords[e.owedBy])} from ${dayInWords(e.sixthSchoolDay)}` : 'None owed (5 days or fewer)'}</td></tr>`).join('');
  const reasons = Object.entries(reasonWords).map(([v, w]) => `<option value="${v}">${esc(w)}</option>`).join('');
  return `<table class="govuk-table app-compact" data-testid="exclusions"><caption class="govuk-table__caption govuk-table__caption--m">Suspensions and exclusions</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Kind</th>
      <th scope="col" class="govuk-table__header">First day</th><th scope="col" class="govuk-table__header">Length</th>
      <th scope="col" class="govuk-table__header">Reason</th><th scope="col" class="govuk-table__header">Full-time education owed by</th></tr></thead>
      <tbody class="govuk-table__body">${rows || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="5">None recorded.</td></tr>'}</tbody></table>
    ${canRecord ? `<form data-region="exclude" novalidate>
      <h2 class="govuk-heading-m">Record a suspension or permanent exclusion</h2>
      <div data-region="exclude-message"></div>
      <div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Kind</legend>
        <div class="govuk-radios" data-module="govuk-radios">
          <div class="govuk-radios__item"><input class="govuk-radios__input" id="ex-kind" name="kind" type="radio" value="SUSPENSION" checked>
            <label class="govuk-label govuk-radios__label" for="ex-kind">Suspension</label></div>
          <div class="govuk-radios__item"><input class="govuk-radios__input" id="ex-kind-permanent" name="kind" type="radio" value="PERMANENT_EXCLUSION">
            <label class="govuk-label govuk-radios__label" for="ex-kind-permanent">Permanent exclusion</label></div></div></fieldset></div>
      <div class="govuk-form-group"><label class="govuk-label" for="ex-startDate">First day</label>
        <input class="govuk-input govuk-input--width-10" id="ex-startDate" name="startDate" type="date"></div>
      <div class="govuk-form-group"><label class="govuk-label" for="ex-sessions">Length of a suspension in sessions</label>
        <div class="govuk-hint" id="ex-sessions-hint">Half days: 2 a day. Leave empty for a permanent exclusion.</div>
        <input class="govuk-input govuk-input--width-3" id="ex-sessions" name="sessions" inputmode="numeric" aria-describedby="ex-sessions-hint"></div>
      <div class="govuk-form-group"><label class="govuk-label" for="ex-reason">Reason</label>
        <select class="govuk-select" id="ex-reason" name="reason">${reasons}</select></div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Record</button></form>` : ''}`;
}

export function wireExclusionForm(root: HTMLElement, pupilId: string): void {
  const form = root.querySelector<HTMLFormElement>('[data-region=exclude]');
  if (!form) return;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const read = (name: string): string => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const kind = form.querySelector<HTMLInputElement>('input[name=kind]:checked')!.value;
    const input: Record<string, unknown> = { pupilId, kind, startDate: read('startDate'), reason: read('reason') };
    if (read('sessions')) input.sessions = Number(read('sessions'));
    try {
      await gql('mutation($input: RecordExclusionInput!) { recordExclusion(input: $input) { id } }', { input });
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      const field = error instanceof ApiError ? error.errors[0]?.extensions?.field : undefined;
      root.querySelector('[data-region=exclude-message]')!.innerHTML = errorSummary(error);
      if (field) form.querySelector(`#ex-${CSS.escape(field)}`)?.closest('.govuk-form-group')?.classList.add('govuk-form-group--error');
    }
  });
}

interface Duty {
  exclusionId: string; kind: string; startDate: string; sixthSchoolDay: string; owedBy: string; provisionRecorded: boolean; overdue: boolean;
  pupil: { id: string; initials: string; homeSchool: { name: string } };
}

function dutyRow(d: Duty): string {
  const status = d.overdue ? tag('No provision: overdue', 'red') : d.provisionRecorded ? tag('Provision recorded', 'green') : tag('Due', 'yellow');
  return `<tr class="govuk-table__row" data-testid="duty" data-exclusion="${esc(d.exclusionId)}">
    <th scope="row" class="govuk-table__header"><a class="govuk-link" href="#pupil/${esc(d.pupil.id)}">${esc(d.pupil.initials)}</a></th>
    <td class="govuk-table__cell">${esc(d.pupil.homeSchool.name)}</td>
    <td class="govuk-table__cell">${esc(kindWords[d.kind] ?? d.kind)}</td>
    <td class="govuk-table__cell app-num">${dayInWords(d.startDate)}</td>
    <td class="govuk-table__cell app-num" data-testid="sixth-day">${dayInWords(d.sixthSchoolDay)}</td>
    <td class="govuk-table__cell">${esc(owedWords[d.owedBy] ?? d.owedBy)}</td>
    <td class="govuk-table__cell" data-testid="duty-status">${status}</td></tr>`;
}

export const sixthDayView: View = {
  id: 'sixth-day',
  title: 'Sixth-day duties',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF'],
  mount(root: HTMLElement, viewer: Viewer) {
    return liveView(root, {
      subscriptions: [feedFor(viewer, ['EXCLUSION', 'EXCLUSION_DUTY_OVERDUE', 'PLACEMENT'])],
      load: async () => {
        const data = await gql<{ sixthDayDuties: Duty[] }>(
          '{ sixthDayDuties { exclusionId kind startDate sixthSchoolDay owedBy provisionRecorded overdue pupil { id initials homeSchool { name } } } }');
        const duties = data.sixthDayDuties.slice().sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.sixthSchoolDay.localeCompare(b.sixthSchoolDay));
        return `<h1 class="govuk-heading-l">Sixth-day duties</h1>
          <p class="govuk-body">From the sixth school day of an exclusion the pupil must have full-time education: arranged by the school for a suspension of more than five school days, by the LA after a permanent exclusion. Days are school days of the home school's calendar. Pupils with no provision recorded for the sixth day come first.</p>
          <div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact" data-testid="duties">
            <caption class="govuk-table__caption govuk-table__caption--m">${duties.length} open, ${duties.filter(d => d.overdue).length} overdue</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">School</th>
              <th scope="col" class="govuk-table__header">Kind</th><th scope="col" class="govuk-table__header">First day</th>
              <th scope="col" class="govuk-table__header">Sixth school day</th><th scope="col" class="govuk-table__header">Owed by</th>
              <th scope="col" class="govuk-table__header">Provision</th></tr></thead>
            <tbody class="govuk-table__body">${duties.map(dutyRow).join('') || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="7">No open duties you may see.</td></tr>'}</tbody></table></div>`;
      },
    });
  },
};
