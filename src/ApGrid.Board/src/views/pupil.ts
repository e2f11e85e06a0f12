import { ApiError, download, gql, schoolPupils, type Viewer } from '../api';
import { date, errorSummary, esc, tag } from '../html';
import { keyStageName, outcomeName, yearGroup } from '../words';
import { feedFor, liveView, type View } from '../view';
import { exclusionFields, exclusionsSection, wireExclusionForm, type Exclusion } from './exclusions';

interface Correction { at: string; by: string; reason: string | null; changes: { field: string; from: string | null; to: string | null }[] }
interface Pupil {
  id: string; initials: string; dateOfBirth: string; yearGroup: number; yearGroupOffset: number; keyStage: string;
  schoolLeavingDate: string; senProvision: string; primaryNeed: string | null; lookedAfter: boolean; homePostcode: string | null;
  homeSchool: { urn: string; name: string };
  placements: { id: string; status: string; startDate: string; endDate: string | null; outcome: string | null; yearGroupAtStart: number; yearGroupAtEnd: number | null; setting: { name: string } }[];
  corrections: Correction[];
  exclusions: Exclusion[];
}

const record = `id initials dateOfBirth yearGroup yearGroupOffset keyStage schoolLeavingDate senProvision primaryNeed lookedAfter homePostcode
  homeSchool { urn name } placements { id status startDate endDate outcome yearGroupAtStart yearGroupAtEnd setting { name } }
  corrections { at by reason changes { field from to } } ${exclusionFields}`;


const senWords: Record<string, string> = { NONE: 'None', SEN_SUPPORT: 'SEN support', EHC_PLAN: 'EHC plan' };
const fieldWords: Record<string, string> = {
  dateOfBirth: 'Date of birth', yearGroupOffset: 'Taught out of year group', senProvision: 'SEN provision', primaryNeed: 'Primary need',
  lookedAfter: 'Looked after', homeSchoolUrn: 'Home school', homePostcode: 'Home postcode',
};
const offsetWords = (n: number): string => n === 0 ? 'No' : n < 0 ? 'Held back a year' : 'Moved up a year';

function value(field: string, v: string | null): string {
  if (v === null) return 'not recorded';
  if (field === 'senProvision') return senWords[v] ?? v;
  if (field === 'lookedAfter') return v === 'true' ? 'Yes' : 'No';
  if (field === 'yearGroupOffset') return offsetWords(Number(v));
  if (field === 'dateOfBirth') return date(v);
  if (field === 'primaryNeed') return v;
  return v;
}

/** Pupils the caller may open: a school's roll, or the pupils placed at the settings the caller sees. */
async function listPupils(viewer: Viewer): Promise<{ id: string; initials: string; yearGroup: number }[]> {
  if (viewer.role === 'SCHOOL_STAFF') return schoolPupils(viewer.urn!, 'id initials yearGroup');
  const urns = viewer.role === 'AP_STAFF' ? [viewer.urn!]
    : (await gql<{ localAuthority: { apSettings: { urn: string }[] } }>('{ localAuthority { apSettings { urn } } }')).localAuthority.apSettings.map(s => s.urn);
  const settings = await Promise.all(urns.map(urn => gql<{ apSetting: { placements: { pupil: { id: string; initials: string; yearGroup: number } }[] } | null }>(
    'query($urn: String!) { apSetting(urn: $urn) { placements(status: ACTIVE) { pupil { id initials yearGroup } } } }', { urn })));
  return settings.flatMap(s => s.apSetting?.placements.map(p => p.pupil) ?? []);
}

function correctionForm(p: Pupil): string {
  const sen = Object.entries(senWords).map(([v, w]) => `<option value="${v}"${v === p.senProvision ? ' selected' : ''}>${w}</option>`).join('');
  const offsets = [-1, 0, 1].map(n => `<option value="${n}"${n === p.yearGroupOffset ? ' selected' : ''}>${offsetWords(n)}</option>`).join('');
  return `<form data-region="correct" novalidate>
    <h2 class="govuk-heading-m">Correct the record</h2>
    <div data-region="form-message"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="dateOfBirth">Date of birth</label>
      <input class="govuk-input govuk-input--width-10" id="dateOfBirth" name="dateOfBirth" type="date" value="${esc(p.dateOfBirth)}"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="yearGroupOffset">Taught out of year group</label>
      <select class="govuk-select" id="yearGroupOffset" name="yearGroupOffset">${offsets}</select></div>
    <div class="govuk-form-group"><label class="govuk-label" for="senProvision">SEN provision</label>
      <select class="govuk-select" id="senProvision" name="senProvision">${sen}</select></div>
    <div class="govuk-form-group"><label class="govuk-label" for="homePostcode">Home postcode</label>
      <div class="govuk-hint" id="homePostcode-hint">Whole, or to its sector (for example NE1 4).</div>
      <input class="govuk-input govuk-input--width-10" id="homePostcode" name="homePostcode" aria-describedby="homePostcode-hint" value="${esc(p.homePostcode ?? '')}"></div>
    <div class="govuk-checkboxes govuk-form-group" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">
      <input class="govuk-checkboxes__input" id="lookedAfter" name="lookedAfter" type="checkbox"${p.lookedAfter ? ' checked' : ''}>
      <label class="govuk-label govuk-checkboxes__label" for="lookedAfter">Looked after</label></div></div>
    <div class="govuk-form-group"><label class="govuk-label" for="reason">Reason</label>
      <div class="govuk-hint" id="reason-hint">Needed when the date of birth changes. Kept with the record.</div>
      <textarea class="govuk-textarea" id="reason" name="reason" rows="2" aria-describedby="reason-hint"></textarea></div>
    <button type="submit" class="govuk-button" data-module="govuk-button">Save correction</button></form>`;
}

/** For a subject-access request (LA officers only): the export REST serves, each download audited there. */
function subjectAccess(): string {
  return `<div class="govuk-inset-text" data-testid="subject-access"><p class="govuk-body">Everything ApGrid holds about this pupil, for a subject access request.
    Each download is recorded in the pupil's audit trail.</p>
    <div class="govuk-button-group"><button type="button" class="govuk-button govuk-button--secondary" data-export="html">Download a page to read</button>
    <button type="button" class="govuk-button govuk-button--secondary" data-export="json">Download the data file (JSON)</button></div></div>`;
}

function wireSubjectAccess(root: HTMLElement, id: string): void {
  root.querySelectorAll<HTMLButtonElement>('[data-export]').forEach(button => button.addEventListener('click', async () => {
    const format = button.dataset.export!;
    try {
      await download(`/api/v1/pupils/${encodeURIComponent(id)}/subject-access?format=${format}`, `subject-access-${id}.${format}`);
    } catch (error) {
      root.querySelector('[data-testid=subject-access]')!.insertAdjacentHTML('beforeend', errorSummary(error));
    }
  }));
}

function detail(p: Pupil, canCorrect: boolean, la: boolean): string {
  const row = (key: string, v: string): string =>
    `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${v}</dd></div>`;
  const placements = p.placements.map(pl => `<tr class="govuk-table__row"><td class="govuk-table__cell">${esc(pl.setting.name)}</td>
    <td class="govuk-table__cell app-num">${date(pl.startDate)} (${yearGroup(pl.yearGroupAtStart)})</td>
    <td class="govuk-table__cell app-num">${pl.endDate ? `${date(pl.endDate)} (${yearGroup(pl.yearGroupAtEnd!)})` : tag('Active', 'blue')}</td>
    <td class="govuk-table__cell">${pl.outcome ? esc(outcomeName(pl.outcome)) : ''}</td></tr>`).join('');
  const history = p.corrections.slice().reverse().map(c => `<tr class="govuk-table__row" data-testid="correction">
    <td class="govuk-table__cell app-num">${date(c.at)}</td><td class="govuk-table__cell">${esc(c.by)}</td>
    <td class="govuk-table__cell">${c.changes.map(ch => `${esc(fieldWords[ch.field] ?? ch.field)}: ${esc(value(ch.field, ch.from))} → ${esc(value(ch.field, ch.to))}`).join('<br>')}</td>
    <td class="govuk-table__cell">${esc(c.reason ?? '')}</td></tr>`).join('');
  return `<a href="#pupil" class="govuk-back-link">All pupils</a>
    <h1 class="govuk-heading-l">Pupil ${esc(p.initials)}</h1>
    <dl class="govuk-summary-list" data-testid="pupil-record">
      ${row('Year group', `${yearGroup(p.yearGroup)}${p.yearGroupOffset ? ` (${esc(offsetWords(p.yearGroupOffset).toLowerCase())})` : ''}`)}
      ${row('Key stage', esc(keyStageName(p.keyStage)))}
      ${row('Date of birth', date(p.dateOfBirth))}
      ${row('School leaving date', date(p.schoolLeavingDate))}
      ${row('SEN provision', esc(senWords[p.senProvision] ?? p.senProvision))}
      ${row('Primary need', esc(p.primaryNeed ?? 'Not recorded'))}
      ${row('Looked after', p.lookedAfter ? 'Yes' : 'No')}
      ${row('Home school', esc(p.homeSchool.name))}
      ${row('Home postcode', esc(p.homePostcode ?? 'Not recorded'))}
    </dl>
    ${la ? subjectAccess() : ''}
    <table class="govuk-table app-compact"><caption class="govuk-table__caption govuk-table__caption--m">Placements</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">AP setting</th>
      <th scope="col" class="govuk-table__header">Started</th><th scope="col" class="govuk-table__header">Ended</th><th scope="col" class="govuk-table__header">Outcome</th></tr></thead>
      <tbody class="govuk-table__body">${placements || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">None.</td></tr>'}</tbody></table>
    ${canCorrect ? `<table class="govuk-table app-compact" data-testid="corrections"><caption class="govuk-table__caption govuk-table__caption--m">Corrections</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">When</th><th scope="col" class="govuk-table__header">Who</th>
      <th scope="col" class="govuk-table__header">What changed</th><th scope="col" class="govuk-table__header">Why</th></tr></thead>
      <tbody class="govuk-table__body">${history || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">No corrections.</td></tr>'}</tbody></table>
      ${correctionForm(p)}` : ''}`;
}

function wireForm(root: HTMLElement, p: Pupil): void {
  const form = root.querySelector<HTMLFormElement>('[data-region=correct]');
  if (!form) return;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const read = (name: string): string => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const input: Record<string, unknown> = { pupilId: p.id };
    if (read('dateOfBirth') !== p.dateOfBirth) input.dateOfBirth = read('dateOfBirth');
    if (Number(read('yearGroupOffset')) !== p.yearGroupOffset) input.yearGroupOffset = Number(read('yearGroupOffset'));
    if (read('senProvision') !== p.senProvision) input.senProvision = read('senProvision');
    if (read('homePostcode') !== (p.homePostcode ?? '')) input.homePostcode = read('homePostcode');
    const lookedAfter = (form.elements.namedItem('lookedAfter') as HTMLInputElement).checked;
    if (lookedAfter !== p.lookedAfter) input.lookedAfter = lookedAfter;
    if (read('reason')) input.reason = read('reason');
    try {
      await gql('mutation($input: UpdatePupilInput!) { updatePupil(input: $input) { id } }', { input });
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      const field = error instanceof ApiError ? error.errors[0]?.extensions?.field : undefined;
      root.querySelector('[data-region=form-message]')!.innerHTML = errorSummary(error);
      if (field) form.querySelector(`#${CSS.escape(field)}`)?.closest('.govuk-form-group')?.classList.add('govuk-form-group--error');
    }
  });
}

export const pupilView: View = {
  id: 'pupil',
  title: 'Pupils',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF', 'AP_STAFF'],
  mount(root, viewer) {
    const pupilId = location.hash.split('/')[1];
    let shown: Pupil | null = null;
    return liveView(root, {
      subscriptions: [feedFor(viewer, ['PLACEMENT', 'EXCLUSION'])],
      load: async () => {
        if (!pupilId) {
          const pupils = await listPupils(viewer);
          return `<h1 class="govuk-heading-l">Pupils</h1>
            <ul class="govuk-list" data-testid="pupil-list">${pupils.map(p =>
              `<li><a class="govuk-link" href="#pupil/${esc(p.id)}">${esc(p.initials)}</a> <span class="govuk-body-s">${yearGroup(p.yearGroup)}</span></li>`).join('')
              || '<li>No pupils you may see.</li>'}</ul>`;
        }
        const data = await gql<{ pupil: Pupil | null }>(`query($id: ID!) { pupil(id: $id) { ${record} } }`, { id: pupilId });
        if (!data.pupil) return '<h1 class="govuk-heading-l">Pupil not found</h1><p class="govuk-body">No pupil with that id that you may see.</p>';
        shown = data.pupil;
        const canCorrect = viewer.role === 'LA_OFFICER' || viewer.urn === data.pupil.homeSchool.urn;
        return detail(data.pupil, canCorrect, viewer.role === 'LA_OFFICER') + exclusionsSection(data.pupil.exclusions, canCorrect);
      },
      after: r => { if (shown) { wireForm(r, shown); wireExclusionForm(r, shown.id); wireSubjectAccess(r, shown.id); } },
    });
  },
};
