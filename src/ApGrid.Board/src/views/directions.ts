import { gql, schoolPupils, type Viewer } from '../api';
import { date, esc, tag } from '../html';
import { formAction, liveView, type View } from '../view';
import { allSessions, plural, routeName, sessionName, yearGroup } from '../words';
import { standingTag } from './providers';
import { lines } from './referrals';

interface Step { step: string; by: string; note: string | null; at: string }
interface Notified {
  id: string; route: string; weeklyHours: number; fullTime: boolean; sessions: string[]; startDate: string; plannedEndDate: string;
  pupil: { id: string; initials: string; yearGroup: number; homeSchool: { name: string } };
  setting: { name: string; standing: Parameters<typeof standingTag>[0] };
  laNotification: { status: string; notifiedAt: string; openQuestion: string | null; history: Step[] };
}
interface Setting { urn: string; name: string; keyStages: string[]; standing: Parameters<typeof standingTag>[0] }

const standing = 'standing { status rag approvalRequired commissionable reasons approvedUntil lapsed { item validUntil description } expiringSoon { item validUntil description } }';
const fields = `id route weeklyHours fullTime sessions startDate plannedEndDate pupil { id initials yearGroup homeSchool { name } }
  setting { name ${standing} } laNotification { status notifiedAt openQuestion history { step by note at } }`;

const statusTag = (status: string): string =>
  status === 'QUERIED' ? tag('LA has a question', 'orange') : status === 'ACKNOWLEDGED' ? tag('Acknowledged', 'green') : tag('Awaiting acknowledgement', 'blue');
const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** What the school last said (its notification, a change, an answer), for the LA reading the row. */
function schoolSaid(n: Notified): string {
  const last = [...n.laNotification.history].reverse().find(h => h.step === 'ANSWERED' || h.step === 'CHANGED');
  if (!last?.note) return '';
  return `<br><span class="govuk-body-s">${last.step === 'ANSWERED' ? 'School answered' : 'Changed'}: ${esc(last.note)}</span>`;
}

function laWork(n: Notified): string {
  const id = esc(n.id);
  return `<form data-region="acknowledge" data-placement="${id}" novalidate><div data-region="form-message"></div>
      <button type="submit" class="govuk-button govuk-!-margin-bottom-2">Acknowledge</button></form>
    <form data-region="query" data-placement="${id}" novalidate><div data-region="form-message"></div>
      <div class="govuk-form-group govuk-!-margin-bottom-2"><label class="govuk-label govuk-label--s" for="question-${id}">Ask the school</label>
        <textarea class="govuk-textarea govuk-!-margin-bottom-1" id="question-${id}" name="question" rows="2"></textarea></div>
      <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Send question</button></form>`;
}

function schoolWork(n: Notified): string {
  if (n.laNotification.status !== 'QUERIED') return '<p class="govuk-body-s">Waiting for the LA.</p>';
  const id = esc(n.id);
  return `<form data-region="answer" data-placement="${id}" novalidate><div data-region="form-message"></div>
    <div class="govuk-form-group govuk-!-margin-bottom-2"><label class="govuk-label govuk-label--s" for="answer-${id}">Your answer</label>
      <textarea class="govuk-textarea govuk-!-margin-bottom-1" id="answer-${id}" name="answer" rows="2"></textarea></div>
    <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Send answer</button></form>`;
}

function row(n: Notified, la: boolean): string {
  const week = n.fullTime ? 'Every session' : n.sessions.map(sessionName).join(', ');
  return `<tr class="govuk-table__row" data-testid="notification" data-placement="${esc(n.id)}">
    <th scope="row" class="govuk-table__header"><a class="govuk-link" href="#pupil/${esc(n.pupil.id)}">${esc(n.pupil.initials)}</a>
      <span class="govuk-body-s">${yearGroup(n.pupil.yearGroup)}, ${esc(n.pupil.homeSchool.name)}</span></th>
    <td class="govuk-table__cell">${esc(n.setting.name)}<br>${standingTag(n.setting.standing)}</td>
    <td class="govuk-table__cell">${esc(routeName(n.route))}<br><span class="govuk-body-s">${plural(n.weeklyHours, 'hour')} a week: ${esc(week)}</span></td>
    <td class="govuk-table__cell app-num">${date(n.startDate)} to ${date(n.plannedEndDate)}<br><span class="govuk-body-s">Told the LA ${date(n.laNotification.notifiedAt)}</span></td>
    <td class="govuk-table__cell">${statusTag(n.laNotification.status)}${n.laNotification.openQuestion ? `<br><span class="govuk-body-s" data-testid="question">LA asked: ${esc(n.laNotification.openQuestion)}</span>` : ''}${schoolSaid(n)}</td>
    <td class="govuk-table__cell">${la ? laWork(n) : schoolWork(n)}</td></tr>`;
}

function directForm(pupils: { id: string; initials: string; yearGroup: number }[], settings: Setting[], today: string): string {
  const choices = settings.filter(s => s.standing.commissionable || !s.standing.approvalRequired);
  return `<form data-region="direct" novalidate class="govuk-!-margin-bottom-8">
    <h2 class="govuk-heading-m">Direct a pupil to off-site provision</h2>
    <p class="govuk-body">The LA is told as soon as you record it. Give parents written notice at least two school days before the first day.</p>
    <div data-region="form-message"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="d-pupil">Pupil</label>
      <select class="govuk-select" id="d-pupil" name="pupilId">${pupils.map(p => `<option value="${esc(p.id)}">${esc(p.initials)}, ${yearGroup(p.yearGroup)}</option>`).join('')}</select></div>
    <div class="govuk-form-group"><label class="govuk-label" for="d-setting">Provider</label>
      <select class="govuk-select" id="d-setting" name="apUrn">${choices.map(s => `<option value="${esc(s.urn)}">${esc(s.name)}${s.standing.approvalRequired ? ' (approved by the LA)' : ''}</option>`).join('')}</select></div>
    <div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Sessions at the provider</legend>
      <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        ${allSessions.map(s => `<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="d-${s}" name="sessions" type="checkbox" value="${s}">
          <label class="govuk-label govuk-checkboxes__label" for="d-${s}">${sessionName(s)}</label></div>`).join('')}
      </div></fieldset></div>
    <div class="govuk-form-group"><label class="govuk-label" for="d-notice">Written notice given to parents on</label>
      <input class="govuk-input govuk-input--width-10" id="d-notice" name="givenOn" type="date" value="${today}"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="d-start">First day</label>
      <input class="govuk-input govuk-input--width-10" id="d-start" name="startDate" type="date" value="${addDays(today, 7)}"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="d-end">Planned end</label>
      <input class="govuk-input govuk-input--width-10" id="d-end" name="plannedEndDate" type="date" value="${addDays(today, 63)}"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="d-times">The notice says: times</label>
      <input class="govuk-input" id="d-times" name="times" type="text"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="d-report">The notice says: who the pupil reports to</label>
      <input class="govuk-input" id="d-report" name="reportTo" type="text"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="d-review">The notice says: how it is reviewed</label>
      <input class="govuk-input" id="d-review" name="reviewArrangements" type="text" value="Review with parents after four weeks"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="d-objectives">Objectives (one per line)</label>
      <textarea class="govuk-textarea" id="d-objectives" name="objectives" rows="2">Attend every planned session</textarea></div>
    <button type="submit" class="govuk-button">Record the direction</button></form>`;
}

export const directionsView: View = {
  id: 'directions',
  title: 'School placements',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF'],
  mount(root, viewer: Viewer) {
    const la = viewer.role === 'LA_OFFICER';
    let settings: Setting[] = [];
    return liveView(root, {
      // Schools hear only capacity on the feed: their own changes reload the page after each action.
      subscriptions: la ? [{ query: 'subscription { changes(kinds: [PLACEMENT]) { cursor kind } }' }] : [],
      load: async () => {
        const data = await gql<{ viewer: { today: string }; placementsAwaitingAcknowledgement: Notified[] }>(`{ viewer { today } placementsAwaitingAcknowledgement { ${fields} } }`);
        const list = data.placementsAwaitingAcknowledgement;
        let form = '';
        if (!la) {
          settings = (await gql<{ localAuthority: { apSettings: Setting[] } }>(`{ localAuthority { apSettings { urn name keyStages ${standing} } } }`)).localAuthority.apSettings;
          form = directForm(await schoolPupils<{ id: string; initials: string; yearGroup: number }>(viewer.urn!, 'id initials yearGroup'), settings, data.viewer.today);
        }

        const queried = list.filter(n => n.laNotification.status === 'QUERIED').length;
        return `<h1 class="govuk-heading-l">${la ? 'Placements schools have told us about' : 'Off-site directions and the LA'}</h1>
          ${form}
          <p class="govuk-body" data-testid="notification-count">${plural(list.length, 'placement', 'placements')} awaiting acknowledgement${queried ? `, ${plural(queried, 'with a question', 'with questions')} for the school` : ''}.</p>
          <div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact" data-testid="notifications-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Not yet acknowledged, oldest first</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">Provider</th>
              <th scope="col" class="govuk-table__header">Route and hours</th><th scope="col" class="govuk-table__header">Dates</th>
              <th scope="col" class="govuk-table__header">Status</th><th scope="col" class="govuk-table__header">${la ? 'Your response' : 'Next step'}</th></tr></thead>
            <tbody class="govuk-table__body">${list.map(n => row(n, la)).join('')
              || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="6">Nothing awaiting acknowledgement.</td></tr>'}</tbody></table></div>`;
      },
      after: (page, refresh) => {
        const respond = (region: string, mutation: string, argument: string | null): void =>
          page.querySelectorAll<HTMLFormElement>(`form[data-region=${region}]`).forEach(form => formAction(form, data => gql(
            argument ? `mutation($id: ID!, $text: String!) { ${mutation}(placementId: $id, ${argument}: $text) { id } }` : `mutation($id: ID!) { ${mutation}(placementId: $id) { id } }`,
            argument ? { id: form.dataset.placement, text: String(data.get(argument) ?? '') } : { id: form.dataset.placement }), refresh));
        respond('acknowledge', 'acknowledgePlacementNotification', null);
        respond('query', 'queryPlacementNotification', 'question');
        respond('answer', 'answerPlacementQuery', 'answer');
        const direct = page.querySelector<HTMLFormElement>('form[data-region=direct]');
        if (direct) formAction(direct, data => {
          const place = settings.find(s => s.urn === data.get('apUrn'))?.name ?? '';
          return gql('mutation($input: ArrangePlacementInput!) { arrangePlacement(input: $input) { id } }', {
            input: {
              pupilId: data.get('pupilId'), route: 'OFF_SITE_DIRECTION', apUrn: data.get('apUrn'), startDate: data.get('startDate'), plannedEndDate: data.get('plannedEndDate'),
              fullTime: false, sessions: data.getAll('sessions'), objectives: lines(data.get('objectives')), reviewEveryWeeks: 4,
              notice: { givenOn: data.get('givenOn'), place, times: data.get('times'), reportTo: data.get('reportTo'), reviewArrangements: data.get('reviewArrangements') },
            },
          });
        }, refresh);
      },
    });
  },
};
