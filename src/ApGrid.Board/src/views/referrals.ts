import { gql, schoolPupils, type Viewer } from '../api';
import { date, esc, tag } from '../html';
import { allSessions, plural, sessionName, yearGroup } from '../words';
import { formAction, liveView, type View } from '../view';

interface Referral {
  id: string; status: string; submittedOn: string; reason: string; strategiesTried: string[]; parentalConsent: boolean;
  pupil: { id: string; initials: string; yearGroup: number; homeSchool: { name: string } };
}
interface Setting { urn: string; name: string; sessions: { session: string; free: number }[]; fullTimePlacesFree: number }

const statusWords: Record<string, string> = { SUBMITTED: 'Awaiting panel', APPROVED: 'Approved: to place' };
const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const lines = (text: FormDataEntryValue | null): string[] => String(text ?? '').split('\n').map(l => l.trim()).filter(l => l);

function referForm(pupils: { id: string; initials: string; yearGroup: number }[]): string {
  return `<form data-region="refer" novalidate class="govuk-!-margin-bottom-8">
    <h2 class="govuk-heading-m">Refer a pupil to the LA's panel</h2>
    <div data-region="form-message"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="pupilId">Pupil</label>
      <select class="govuk-select" id="pupilId" name="pupilId">${pupils.map(p => `<option value="${esc(p.id)}">${esc(p.initials)}, ${yearGroup(p.yearGroup)}</option>`).join('')}</select></div>
    <div class="govuk-form-group"><label class="govuk-label" for="reason">Why the pupil needs alternative provision</label>
      <textarea class="govuk-textarea" id="reason" name="reason" rows="3"></textarea></div>
    <div class="govuk-form-group"><label class="govuk-label" for="strategiesTried">What the school has tried (one per line)</label>
      <textarea class="govuk-textarea" id="strategiesTried" name="strategiesTried" rows="3"></textarea></div>
    <button type="submit" class="govuk-button">Submit referral</button></form>`;
}

function decideForm(r: Referral): string {
  return `<form data-region="decide" data-referral="${esc(r.id)}" novalidate>
    <div data-region="form-message"></div>
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="panel-${esc(r.id)}">Panel members (one per line)</label>
      <textarea class="govuk-textarea" id="panel-${esc(r.id)}" name="panelMembers" rows="2"></textarea></div>
    <div class="govuk-button-group"><button type="submit" name="decision" value="approve" class="govuk-button">Approve</button>
      <button type="submit" name="decision" value="decline" class="govuk-button govuk-button--warning">Decline</button></div></form>`;
}

function placeForm(r: Referral, settings: Setting[], today: string): string {
  const id = esc(r.id);
  return `<form data-region="place" data-referral="${id}" novalidate>
    <div data-region="form-message"></div>
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="setting-${id}">AP setting</label>
      <select class="govuk-select" id="setting-${id}" name="apUrn">${settings.map(s => `<option value="${esc(s.urn)}">${esc(s.name)} (${plural(s.fullTimePlacesFree, 'full-time place')} free)</option>`).join('')}</select></div>
    <div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Sessions</legend>
      <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="fullTime-${id}" name="fullTime" type="checkbox" value="true">
          <label class="govuk-label govuk-checkboxes__label" for="fullTime-${id}">Full time (every session)</label></div>
        ${allSessions.map(s => `<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${id}-${s}" name="sessions" type="checkbox" value="${s}">
          <label class="govuk-label govuk-checkboxes__label" for="${id}-${s}">${sessionName(s)}</label></div>`).join('')}
      </div></fieldset></div>
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="start-${id}">Start date</label>
      <input class="govuk-input govuk-input--width-10" id="start-${id}" name="startDate" type="date" value="${addDays(today, 7)}"></div>
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="end-${id}">Planned end date</label>
      <input class="govuk-input govuk-input--width-10" id="end-${id}" name="plannedEndDate" type="date" value="${addDays(today, 91)}"></div>
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="objectives-${id}">Objectives (one per line)</label>
      <textarea class="govuk-textarea" id="objectives-${id}" name="objectives" rows="2">Attend every planned session</textarea></div>
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="review-${id}">Review every (weeks of term)</label>
      <input class="govuk-input govuk-input--width-2" id="review-${id}" name="reviewEveryWeeks" type="number" value="4"></div>
    <button type="submit" class="govuk-button">Start placement</button></form>`;
}

function row(r: Referral, viewer: Viewer, settings: Setting[], today: string): string {
  const la = viewer.role === 'LA_OFFICER';
  const work = la ? (r.status === 'SUBMITTED' ? decideForm(r) : r.parentalConsent ? placeForm(r, settings, today) : '<p class="govuk-body-s">Waiting for the school to record parental consent.</p>')
    : r.parentalConsent ? '' : `<form data-region="consent" data-referral="${esc(r.id)}" novalidate><div data-region="form-message"></div>
        <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Record parental consent (notice given today)</button></form>`;
  return `<tr class="govuk-table__row" data-testid="referral" data-referral="${esc(r.id)}">
    <th scope="row" class="govuk-table__header"><a class="govuk-link" href="#pupil/${esc(r.pupil.id)}">${esc(r.pupil.initials)}</a> <span class="govuk-body-s">${yearGroup(r.pupil.yearGroup)}, ${esc(r.pupil.homeSchool.name)}</span></th>
    <td class="govuk-table__cell">${esc(r.reason)}<br><span class="govuk-body-s">Tried: ${esc(r.strategiesTried.join('; '))}</span></td>
    <td class="govuk-table__cell app-num">${date(r.submittedOn)}</td>
    <td class="govuk-table__cell">${tag(statusWords[r.status] ?? r.status, r.status === 'APPROVED' ? 'green' : 'blue')}<br>${r.parentalConsent ? tag('Consent recorded', 'grey') : tag('No consent yet', 'yellow')}</td>
    <td class="govuk-table__cell">${work}</td></tr>`;
}

export const referralsView: View = {
  id: 'referrals',
  title: 'Referrals',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF'],
  mount(root, viewer) {
    // The service's date, not the browser's: notice and decisions are dated as the API counts them.
    let today = '';
    return liveView(root, {
      subscriptions: viewer.role === 'LA_OFFICER' ? [{ query: 'subscription { changes(kinds: [REFERRAL, PLACEMENT]) { cursor kind } }' }] : [],
      load: async () => {
        const data = await gql<{ viewer: { today: string }; openReferrals: Referral[] }>(`{ viewer { today } openReferrals { id status submittedOn reason strategiesTried parentalConsent
          pupil { id initials yearGroup homeSchool { name } } } }`);
        const { openReferrals: referrals } = data;
        today = data.viewer.today;
        const settings = viewer.role === 'LA_OFFICER'
          ? (await gql<{ localAuthority: { apSettings: Setting[] } }>('{ localAuthority { apSettings { urn name fullTimePlacesFree sessions { session free } } } }')).localAuthority.apSettings
          : [];
        const pupils = viewer.role === 'SCHOOL_STAFF' ? await schoolPupils<{ id: string; initials: string; yearGroup: number }>(viewer.urn!, 'id initials yearGroup') : [];
        const waiting = referrals.filter(r => r.status === 'SUBMITTED').length;
        return `<h1 class="govuk-heading-l">${viewer.role === 'LA_OFFICER' ? 'Panel: referrals to decide and place' : 'Referrals to the LA panel'}</h1>
          ${viewer.role === 'SCHOOL_STAFF' ? referForm(pupils) : ''}
          <p class="govuk-body" data-testid="referral-count">${plural(referrals.length, 'open referral')}, ${waiting} awaiting the panel.</p>
          <div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact" data-testid="referrals-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Open referrals, oldest first</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">Reason</th>
              <th scope="col" class="govuk-table__header">Submitted</th><th scope="col" class="govuk-table__header">Status</th>
              <th scope="col" class="govuk-table__header">Next step</th></tr></thead>
            <tbody class="govuk-table__body">${referrals.map(r => row(r, viewer, settings, today)).join('')
              || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="5">No open referrals.</td></tr>'}</tbody></table></div>`;
      },
      after: (page, refresh) => {
        const refer = page.querySelector<HTMLFormElement>('form[data-region=refer]');
        if (refer) formAction(refer, data => gql(`mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, {
          input: { pupilId: data.get('pupilId'), reason: String(data.get('reason') ?? ''), strategiesTried: lines(data.get('strategiesTried')) },
        }), refresh);
        page.querySelectorAll<HTMLFormElement>('form[data-region=consent]').forEach(form => formAction(form, () =>
          gql('mutation($id: ID!, $on: Date!) { recordParentalConsent(referralId: $id, noticeGivenOn: $on) { id } }', { id: form.dataset.referral, on: today }), refresh));
        page.querySelectorAll<HTMLFormElement>('form[data-region=decide]').forEach(form => {
          let approved = true;
          form.querySelectorAll<HTMLButtonElement>('button[name=decision]').forEach(b => b.addEventListener('click', () => { approved = b.value === 'approve'; }));
          formAction(form, data => gql('mutation($input: DecideReferralInput!) { decideReferral(input: $input) { id } }', {
            input: { referralId: form.dataset.referral, approved, panelMembers: lines(data.get('panelMembers')), decidedOn: today },
          }), refresh);
        });
        page.querySelectorAll<HTMLFormElement>('form[data-region=place]').forEach(form => formAction(form, data => gql(
          'mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }', {
            input: {
              referralId: form.dataset.referral, apUrn: data.get('apUrn'), startDate: data.get('startDate'), plannedEndDate: data.get('plannedEndDate'),
              fullTime: data.get('fullTime') === 'true', sessions: data.getAll('sessions'), objectives: lines(data.get('objectives')),
              reviewEveryWeeks: Number(data.get('reviewEveryWeeks')),
            },
          }), refresh));
      },
    });
  },
};
