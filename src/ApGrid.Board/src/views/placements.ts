import { gql, schoolPupils, type Viewer } from '../api';
import { date, esc, tag } from '../html';
import { outcomeName, plural, routeName, sessionName, yearGroup } from '../words';
import { feedFor, liveView, type View } from '../view';

interface Placement {
  id: string; status: string; startDate: string; plannedEndDate: string; endDate: string | null; fullTime: boolean;
  sessions: string[]; nextReviewDue: string | null; reviewOverdue: boolean; outcome: string | null; checkInDue: string | null;
  route: string; overrun: boolean; weeklyHours: number;
  pupil: { id: string; initials: string; yearGroup: number; homeSchool: { name: string } };
  setting: { name: string };
}

const fields = `id status startDate plannedEndDate endDate fullTime sessions nextReviewDue reviewOverdue outcome checkInDue route overrun weeklyHours
  pupil { id initials yearGroup homeSchool { name } }`;

interface PartTime {
  pupil: { id: string; initials: string; yearGroup: number; homeSchool: { name: string } };
  uncoveredSessions: string[]; gapHours: number; partTimeAgreedBy: string | null; partTimeEndsOn: string | null;
}

type SettingPlacements = { name: string; placements: Omit<Placement, 'setting'>[] };
const withSetting = (s: SettingPlacements): Placement[] => s.placements.map(p => ({ ...p, setting: { name: s.name } }));

async function load(viewer: Viewer): Promise<Placement[]> {
  const oneSetting = async (urn: string): Promise<Placement[]> => {
    const data = await gql<{ apSetting: SettingPlacements | null }>(`query($urn: String!) { apSetting(urn: $urn) { name placements { ${fields} } } }`, { urn });
    return data.apSetting ? withSetting(data.apSetting) : [];
  };
  if (viewer.role === 'AP_STAFF') return oneSetting(viewer.urn!);
  if (viewer.role === 'SCHOOL_STAFF') {
    const pupils = await schoolPupils<{ placements: Placement[] }>(viewer.urn!, `placements { ${fields} setting { name } }`);
    return pupils.flatMap(p => p.placements);
  }
  // One request per setting: the whole LA in one document is over the API's complexity limit, by design.
  const data = await gql<{ localAuthority: { apSettings: { urn: string }[] } }>('{ localAuthority { apSettings { urn } } }');
  return (await Promise.all(data.localAuthority.apSettings.map(s => oneSetting(s.urn)))).flat();
}

export const placementsView: View = {
  id: 'placements',
  title: 'Placements',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF', 'AP_STAFF'],
  mount(root, viewer) {
    return liveView(root, {
      subscriptions: [feedFor(viewer, ['PLACEMENT'])],
      load: async () => {
        const all = await load(viewer);
        const active = all.filter(p => p.status === 'ACTIVE')
          .sort((a, b) => Number(b.reviewOverdue) - Number(a.reviewOverdue) || (a.nextReviewDue ?? '').localeCompare(b.nextReviewDue ?? ''));
        const ended = all.filter(p => p.status === 'ENDED').sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? ''));
        const overdue = active.filter(p => p.reviewOverdue).length;
        const partTime = viewer.role === 'AP_STAFF' ? [] : (await gql<{ partTimeTimetables: PartTime[] }>(
          '{ partTimeTimetables { pupil { id initials yearGroup homeSchool { name } } uncoveredSessions gapHours partTimeAgreedBy partTimeEndsOn } }')).partTimeTimetables;
        const partTimeRows = partTime.map(p => `<tr class="govuk-table__row" data-testid="part-time">
          <th scope="row" class="govuk-table__header"><a class="govuk-link" href="#pupil/${esc(p.pupil.id)}">${esc(p.pupil.initials)}</a> <span class="govuk-body-s">${yearGroup(p.pupil.yearGroup)}, ${esc(p.pupil.homeSchool.name)}</span></th>
          <td class="govuk-table__cell">${esc(p.uncoveredSessions.map(sessionName).join(', '))}</td>
          <td class="govuk-table__cell app-num">${plural(p.gapHours, 'hour')}</td>
          <td class="govuk-table__cell">${p.partTimeAgreedBy ? esc(p.partTimeAgreedBy) : tag('Not agreed', 'red')}</td>
          <td class="govuk-table__cell app-num">${p.partTimeEndsOn ? date(p.partTimeEndsOn) : tag('No end date', 'red')}</td></tr>`).join('');
        const rows = active.map(p => `<tr class="govuk-table__row" data-placement="${esc(p.id)}">
          <th scope="row" class="govuk-table__header"><a class="govuk-link" href="#pupil/${esc(p.pupil.id)}">${esc(p.pupil.initials)}</a> <span class="govuk-body-s">${yearGroup(p.pupil.yearGroup)}</span></th>
          <td class="govuk-table__cell">${esc(p.setting.name)}</td>
          <td class="govuk-table__cell">${esc(p.pupil.homeSchool.name)}</td>
          <td class="govuk-table__cell">${esc(routeName(p.route))}</td>
          <td class="govuk-table__cell">${p.fullTime ? 'Full time' : esc(p.sessions.map(sessionName).join(', '))} <span class="govuk-body-s">(${plural(p.weeklyHours, 'hour')} a week)</span></td>
          <td class="govuk-table__cell app-num">${date(p.startDate)} – ${date(p.plannedEndDate)} ${p.overrun ? tag('Past its planned end', 'orange') : ''}</td>
          <td class="govuk-table__cell app-num">${date(p.nextReviewDue)} ${p.reviewOverdue ? tag('Overdue', 'red') : tag('Due', 'blue')}</td></tr>`).join('');
        const endedRows = ended.map(p => `<tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">${esc(p.pupil.initials)}</th>
          <td class="govuk-table__cell">${esc(p.setting.name)}</td>
          <td class="govuk-table__cell app-num">${date(p.endDate)}</td>
          <td class="govuk-table__cell">${p.outcome ? tag(outcomeName(p.outcome), p.outcome === 'RETURNED_TO_MAINSTREAM' ? 'green' : 'grey') : ''}</td>
          <td class="govuk-table__cell app-num">${p.checkInDue ? date(p.checkInDue) : '–'}</td></tr>`).join('');
        return `<h1 class="govuk-heading-l">Placements</h1>
          <p class="govuk-body" data-testid="placement-count">${plural(active.length, 'active placement')}, ${overdue} with a review overdue.</p>
          ${viewer.role === 'AP_STAFF' ? '' : `<div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact" data-testid="part-time-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Part-time timetables: pupils below a full week today</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">Sessions without education</th>
              <th scope="col" class="govuk-table__header">Gap</th><th scope="col" class="govuk-table__header">Agreed by</th>
              <th scope="col" class="govuk-table__header">Ends</th></tr></thead>
            <tbody class="govuk-table__body">${partTimeRows || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="5">Every pupil you see has a full week.</td></tr>'}</tbody></table></div>`}
          <div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact" data-testid="placements-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Active placements, overdue reviews first</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">AP setting</th>
              <th scope="col" class="govuk-table__header">Home school</th><th scope="col" class="govuk-table__header">Route</th><th scope="col" class="govuk-table__header">Sessions</th>
              <th scope="col" class="govuk-table__header">Dates</th><th scope="col" class="govuk-table__header">Next review</th></tr></thead>
            <tbody class="govuk-table__body">${rows}</tbody></table></div>
          <div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact">
            <caption class="govuk-table__caption govuk-table__caption--m">Ended placements: outcomes and reintegration check-ins</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">AP setting</th>
              <th scope="col" class="govuk-table__header">Ended</th><th scope="col" class="govuk-table__header">Outcome</th>
              <th scope="col" class="govuk-table__header">Check-in due</th></tr></thead>
            <tbody class="govuk-table__body">${endedRows || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="5">None you may see.</td></tr>'}</tbody></table></div>`;
      },
    });
  },
};
