import { gql } from '../api';
import { errorSummary, esc, tag } from '../html';
import { liveView, type View } from '../view';
import { sessionName as sessionWords, yearGroup } from '../words';

interface CodeInfo { mark: string; code: string; label: string }
interface Row {
  session: string; notArrived: boolean; markedAt: string | null;
  mark: { mark: string; code: string; label: string } | null;
  pupil: { id: string; initials: string; yearGroup: number; homeSchool: { name: string } };
}
interface Register { urn: string; date: string; rows: Row[] }

const registerFields = 'urn date rows { session notArrived markedAt mark { mark code label } pupil { id initials yearGroup homeSchool { name } } }';

function sessionTable(session: string, rows: Row[], codes: CodeInfo[]): string {
  const options = (current: string | undefined): string => `<option value="">Not marked</option>` + codes.map(c =>
    `<option value="${esc(c.mark)}"${c.mark === current ? ' selected' : ''}>${esc(c.label)} (${esc(session.endsWith('_PM') && c.mark === 'PRESENT' ? '\\' : c.code)})</option>`).join('');
  const body = rows.map(r => `<tr class="govuk-table__row" data-pupil="${esc(r.pupil.id)}">
      <th scope="row" class="govuk-table__header">${esc(r.pupil.initials)} <span class="govuk-body-s">${yearGroup(r.pupil.yearGroup)}</span></th>
      <td class="govuk-table__cell">${esc(r.pupil.homeSchool.name)}</td>
      <td class="govuk-table__cell" data-testid="register-mark">${r.mark ? esc(r.mark.label) : 'Not marked'}${r.notArrived ? ` ${tag('Not arrived', 'red')}` : ''}</td>
      <td class="govuk-table__cell"><label class="govuk-visually-hidden" for="mark-${esc(session)}-${esc(r.pupil.id)}">Mark for ${esc(r.pupil.initials)}, ${esc(sessionWords(session))}</label>
        <select class="govuk-select" id="mark-${esc(session)}-${esc(r.pupil.id)}" name="${esc(r.pupil.id)}">${options(r.mark?.mark)}</select></td></tr>`).join('');
  return `<form data-session="${esc(session)}" novalidate>
    <div class="app-table-wrap" tabindex="0" role="region" aria-label="${esc(sessionWords(session))} register (scrolls sideways on narrow screens)"><table class="govuk-table app-compact">
      <caption class="govuk-table__caption govuk-table__caption--m">${esc(sessionWords(session))}: ${rows.length} expected, ${rows.filter(r => r.mark).length} marked</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">Home school</th>
        <th scope="col" class="govuk-table__header">Mark so far</th><th scope="col" class="govuk-table__header">Mark</th></tr></thead>
      <tbody class="govuk-table__body">${body}</tbody></table></div>
    <button type="submit" class="govuk-button" data-module="govuk-button">Save ${esc(sessionWords(session).split(' ')[1])} marks</button></form>`;
}

/** AP staff take today's register: the pupils placed with them for each session, marked with the national codes by name. */
export const registerView: View = {
  id: 'register',
  title: "Today's register",
  roles: ['AP_STAFF'],
  mount(root, viewer) {
    let message = '';
    let codes: CodeInfo[] = [];
    const render = async (): Promise<void> => {
      try {
        if (codes.length === 0) codes = (await gql<{ attendanceCodes: CodeInfo[] }>('{ attendanceCodes { mark code label } }')).attendanceCodes;
        const { register } = await gql<{ register: Register }>(`query($urn: String!) { register(urn: $urn) { ${registerFields} } }`, { urn: viewer.urn });
        const sessions = [...new Set(register.rows.map(r => r.session))];
        root.innerHTML = `<h1 class="govuk-heading-l">Today's register</h1>
          <p class="govuk-body" data-testid="register-date">${esc(new Date(`${register.date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }))}.
          Pupils placed with you for each session. A pupil with no mark by 10:00 (morning) or 14:00 (afternoon) is reported to their school and the LA as not arrived.</p>
          ${message}
          ${sessions.length === 0 ? '<p class="govuk-body" data-testid="register-empty">No pupils are expected today.</p>'
            : sessions.map(s => sessionTable(s, register.rows.filter(r => r.session === s), codes)).join('')}`;
        root.querySelectorAll<HTMLFormElement>('form[data-session]').forEach(form => form.addEventListener('submit', event => {
          event.preventDefault();
          void save(form, register.date);
        }));
      } catch (error) {
        root.innerHTML = errorSummary(error);
      }
      root.dataset.loaded = String(Date.now());
    };
    const save = async (form: HTMLFormElement, date: string): Promise<void> => {
      const session = form.dataset.session!;
      const marks = [...form.querySelectorAll<HTMLSelectElement>('select')].filter(s => s.value).map(s => ({ pupilId: s.name, session, mark: s.value }));
      try {
        await gql('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { urn } }', { input: { urn: viewer.urn, date, marks } });
        message = `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="saved-title" data-testid="register-saved">
          <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="saved-title">Saved</h2></div>
          <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${marks.length} ${esc(sessionWords(session))} marks saved.</p></div></div>`;
      } catch (error) {
        message = errorSummary(error);
      }
      await render();
    };
    void render();
    return () => { };
  },
};

interface Alert {
  session: string; date: string; raisedAt: string; settingUrn: string;
  pupil: { id: string; initials: string; yearGroup: number; homeSchool: { name: string } };
}

/** Not-arrived alerts, live: the LA sees every one, a school its own pupils'. Each must be followed up today. */
export const notArrivedView: View = {
  id: 'not-arrived',
  title: 'Not arrived',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF'],
  mount(root, viewer) {
    return liveView(root, {
      // The API sends a school only its own pupils' NOT_ARRIVED entries.
      subscriptions: [{ query: 'subscription { changes(kinds: [NOT_ARRIVED]) { cursor kind } }' }],
      load: async () => {
        const data = await gql<{ notArrivedAlerts: Alert[] }>('{ notArrivedAlerts { session date raisedAt settingUrn pupil { id initials yearGroup homeSchool { name } } } }');
        const names = viewer.role === 'LA_OFFICER'
          ? new Map((await gql<{ localAuthority: { apSettings: { urn: string; name: string }[] } }>('{ localAuthority { apSettings { urn name } } }'))
            .localAuthority.apSettings.map(s => [s.urn, s.name]))
          : new Map<string, string>();
        const alerts = [...data.notArrivedAlerts].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
        const rows = alerts.map(a => `<tr class="govuk-table__row" data-pupil="${esc(a.pupil.id)}" data-session="${esc(a.session)}" data-date="${esc(a.date)}">
          <th scope="row" class="govuk-table__header"><a class="govuk-link" href="#pupil/${esc(a.pupil.id)}">${esc(a.pupil.initials)}</a> <span class="govuk-body-s">${yearGroup(a.pupil.yearGroup)}</span></th>
          <td class="govuk-table__cell">${esc(a.pupil.homeSchool.name)}</td>
          <td class="govuk-table__cell">${esc(names.get(a.settingUrn) ?? a.settingUrn)}</td>
          <td class="govuk-table__cell">${esc(sessionWords(a.session))}</td>
          <td class="govuk-table__cell app-num">${esc(new Date(a.raisedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }))}</td></tr>`).join('');
        const heading = alerts.length === 0 ? 'Every expected pupil has arrived or been marked' : `${alerts.length} ${alerts.length === 1 ? 'pupil has' : 'pupils have'} not arrived today`;
        return `<h1 class="govuk-heading-l">Not arrived</h1>
          <div class="govuk-notification-banner" role="region" aria-labelledby="not-arrived-title" data-module="govuk-notification-banner" data-testid="not-arrived-banner">
            <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="not-arrived-title">Today</h2></div>
            <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${esc(heading)}</p>
            <p class="govuk-body">A pupil expected at their AP with no mark by 10:00 (morning) or 14:00 (afternoon). Follow each one up today. This list updates by itself.</p></div></div>
          <div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact" data-testid="not-arrived-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Latest first</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">Home school</th>
              <th scope="col" class="govuk-table__header">AP setting</th><th scope="col" class="govuk-table__header">Session</th>
              <th scope="col" class="govuk-table__header">Raised at</th></tr></thead>
            <tbody class="govuk-table__body">${rows || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="5">None today.</td></tr>'}</tbody></table></div>`;
      },
    });
  },
};
