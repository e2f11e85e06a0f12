import { gql, schoolPupils, type Viewer } from '../api';
import { confirmBefore } from '../confirm';
import { date, errorSummary, esc, tag } from '../html';
import { label, plural, yearGroup } from '../words';
import { liveView, type View } from '../view';

interface Entry {
  id: string; position: number | null; status: string; daysWaiting: number; waitingInAp: boolean; addedOn: string;
  offeredOn: string | null; offerReason: string | null; pupil: { initials: string; yearGroup: number };
}
interface SpecialSchool { urn: string; name: string; places: number; placesFree: number; waitingList: Entry[] }

const entryFields = 'id position status daysWaiting waitingInAp addedOn offeredOn offerReason pupil { initials yearGroup }';
const schoolFields = `urn name places placesFree waitingList { ${entryFields} }`;

async function load(viewer: Viewer): Promise<SpecialSchool[]> {
  if (viewer.role === 'SPECIAL_SCHOOL_STAFF') {
    const data = await gql<{ specialSchool: SpecialSchool | null }>(`query($urn: String!) { specialSchool(urn: $urn) { ${schoolFields} } }`, { urn: viewer.urn });
    return data.specialSchool ? [data.specialSchool] : [];
  }
  if (viewer.role === 'SCHOOL_STAFF') {
    // A school sees its own pupils' entries, grouped by the special school they wait for.
    const pupils = await schoolPupils<{ waitingListEntries: (Entry & { specialSchool: { urn: string; name: string; places: number; placesFree: number } })[] }>(
      viewer.urn!, `waitingListEntries { ${entryFields} specialSchool { urn name places placesFree } }`);
    const bySchool = new Map<string, SpecialSchool>();
    for (const e of pupils.flatMap(p => p.waitingListEntries)) {
      const s = bySchool.get(e.specialSchool.urn) ?? { ...e.specialSchool, waitingList: [] };
      s.waitingList.push(e);
      bySchool.set(s.urn, s);
    }
    return [...bySchool.values()];
  }
  const data = await gql<{ localAuthority: { specialSchools: SpecialSchool[] } }>(`{ localAuthority { specialSchools { ${schoolFields} } } }`);
  return data.localAuthority.specialSchools;
}

export const waitingView: View = {
  id: 'waiting',
  title: 'Waiting lists',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF', 'SPECIAL_SCHOOL_STAFF'],
  mount(root, viewer) {
    return liveView(root, {
      subscriptions: [{ query: 'subscription { waitingListChanged { id status position } }' }],
      load: async () => {
        const schools = await load(viewer);
        const all = schools.flatMap(s => s.waitingList);
        const canOffer = viewer.role === 'LA_OFFICER' || viewer.role === 'SPECIAL_SCHOOL_STAFF';
        // Longest lists first: that is where a free place matters most.
        const sections = [...schools].sort((a, b) => b.waitingList.length - a.waitingList.length).map(s => {
          const first = s.waitingList.find(e => e.status === 'WAITING' && e.position === 1);
          const offer = canOffer && first && s.placesFree > 0
            ? `<button type="button" class="govuk-button govuk-button--secondary" data-offer="${esc(first.id)}" data-school="${esc(s.name)}" data-pupil="${esc(first.pupil.initials)}">Offer ${esc(s.name)}'s free place to ${esc(first.pupil.initials)} (position 1)</button>` : '';
          const rows = [...s.waitingList].sort((a, b) => (a.position ?? 999) - (b.position ?? 999)).map(e => `<tr class="govuk-table__row">
            <td class="govuk-table__cell govuk-table__cell--numeric app-num">${e.position ?? '–'}</td>
            <th scope="row" class="govuk-table__header">${esc(e.pupil.initials)} <span class="govuk-body-s">${yearGroup(e.pupil.yearGroup)}</span></th>
            <td class="govuk-table__cell app-num">${date(e.addedOn)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric app-num">${e.daysWaiting}</td>
            <td class="govuk-table__cell">${e.waitingInAp ? tag('In AP', 'orange') : 'No'}</td>
            <td class="govuk-table__cell">${e.status === 'OFFERED' ? `${tag('Offered', 'green')} ${date(e.offeredOn)}${e.offerReason ? ` (out of turn: ${esc(e.offerReason)})` : ''}` : tag(label(e.status), 'grey')}</td></tr>`).join('');
          return `<div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact">
            <caption class="govuk-table__caption govuk-table__caption--m">${esc(s.name)}: ${s.placesFree} of ${plural(s.places, 'place')} free, ${s.waitingList.length} on the list</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">Position</th><th scope="col" class="govuk-table__header">Pupil</th>
              <th scope="col" class="govuk-table__header">Added</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Days waiting</th>
              <th scope="col" class="govuk-table__header">Waiting in AP</th><th scope="col" class="govuk-table__header">Status</th></tr></thead>
            <tbody class="govuk-table__body">${rows || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="6">Nobody waiting.</td></tr>'}</tbody></table></div>${offer}`;
        }).join('');
        return `<h1 class="govuk-heading-l">Special-school waiting lists</h1>
          <p class="govuk-body" data-testid="waiting-summary">${plural(all.length, 'open entry', 'open entries')}, ${all.filter(e => e.waitingInAp).length} waiting in AP, ${plural(all.filter(e => e.status === 'OFFERED').length, 'offer')} outstanding.</p>
          <div data-region="offer-message"></div>
          ${sections || '<p class="govuk-body">No waiting lists you may see.</p>'}`;
      },
      after: root => {
        // The list redraws itself from waitingListChanged once the offer is made; only a refusal needs saying here.
        root.querySelectorAll<HTMLButtonElement>('button[data-offer]').forEach(button => confirmBefore(button,
          `Offer ${button.dataset.school}'s free place to ${button.dataset.pupil}? The offer is recorded at once and shown on every board.`, 'Yes, make the offer', async () => {
            try {
              await gql('mutation($id: ID!) { offerSpecialSchoolPlace(entryId: $id) { id status } }', { id: button.dataset.offer });
            } catch (error) {
              root.querySelector('[data-region=offer-message]')!.innerHTML = errorSummary(error);
            }
          }));
      },
    });
  },
};
