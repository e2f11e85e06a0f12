import { gql, subscribe, type Viewer } from '../api';
import { banner, errorSummary, esc, tag } from '../html';
import { noteUpdated } from '../live';
import { keyStageName, plural, sessionName, sessionShort, settingType } from '../words';
import type { View } from '../view';
import { standingTag } from './providers';

export const sessions = ['MON_AM', 'MON_PM', 'TUE_AM', 'TUE_PM', 'WED_AM', 'WED_PM', 'THU_AM', 'THU_PM', 'FRI_AM', 'FRI_PM'] as const;
const keyStages = ['EYFS', 'KS1', 'KS2', 'KS3', 'KS4'];
const needs = ['SEMH', 'ASD', 'SLCN', 'MLD', 'SPLD', 'SLD', 'PMLD', 'HI', 'VI', 'MSI', 'PD', 'DS', 'OTH', 'NSA'];

interface SessionCapacity { session: string; places: number; free: number }
interface Setting {
  urn: string; name: string; type: string; registered: boolean; keyStages: string[]; specialisms: string[];
  fullTimePlaces: number; fullTimePlacesFree: number; outreachHoursPerWeek: number; sessions: SessionCapacity[];
  standing: Parameters<typeof standingTag>[0];
}

const fields = `urn name type registered keyStages specialisms fullTimePlaces fullTimePlacesFree outreachHoursPerWeek sessions { session places free }
  standing { status rag approvalRequired commissionable reasons approvedUntil lapsed { item validUntil description } expiringSoon { item validUntil description } }`;

declare global { interface Window { apgridFirstRender?: number } }

export const capacityView: View = {
  id: 'capacity',
  title: 'Capacity',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF', 'AP_STAFF', 'SPECIAL_SCHOOL_STAFF', 'PARTNER'],
  mount(root, viewer) {
    const own = viewer.role === 'AP_STAFF' ? viewer.urn : null;
    // The API gives everyone but the LA and a setting's own staff free places as "at least" steps: say them as ranges.
    const exact = (urn: string): boolean => viewer.role === 'LA_OFFICER' || urn === own;
    root.innerHTML = `
      <h1 class="govuk-heading-l">AP capacity</h1>
      <p class="govuk-body">Every AP setting's full-time places and the ten half-day sessions: <strong>free</strong> of places offered. Updated live.</p>
      ${viewer.role === 'LA_OFFICER' ? '' : `<p class="govuk-body" data-testid="free-ranges">Free places${own ? ' at settings other than yours' : ''} are shown as ranges (1 to 4, 5 to 9, and so on), so that nobody can tell when a single pupil starts or leaves. “Full” means no place is free.</p>`}
      <div data-region="message"></div>
      <form class="govuk-form-group" data-region="filters" novalidate>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-quarter govuk-form-group">
            <label class="govuk-label" for="filter-ks">Key stage</label>
            <select class="govuk-select" id="filter-ks" name="ks"><option value="">Any</option>${keyStages.map(k => `<option value="${k}">${keyStageName(k)}</option>`).join('')}</select>
          </div>
          <div class="govuk-grid-column-one-quarter govuk-form-group">
            <label class="govuk-label" for="filter-need">Need</label>
            <select class="govuk-select" id="filter-need" name="need"><option value="">Any</option>${needs.map(n => `<option>${n}</option>`).join('')}</select>
          </div>
          <div class="govuk-grid-column-one-half govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              <div class="govuk-checkboxes__item">
                <input class="govuk-checkboxes__input" id="filter-registered" name="registered" type="checkbox">
                <label class="govuk-label govuk-checkboxes__label" for="filter-registered">Registered settings only</label>
              </div>
            </div>
          </div>
        </div>
      </form>
      <div data-region="own"></div>
      <div class="app-table-wrap" tabindex="0" role="region" aria-label="Capacity table (scrolls sideways)" data-region="table"><p class="govuk-body">Loading…</p></div>`;
    const table = root.querySelector<HTMLElement>('[data-region=table]')!;
    const message = root.querySelector<HTMLElement>('[data-region=message]')!;
    const ownRegion = root.querySelector<HTMLElement>('[data-region=own]')!;
    const filters = root.querySelector<HTMLFormElement>('[data-region=filters]')!;
    let settings: Setting[] = [];
    let disposed = false;

    const render = (): void => {
      const ks = (filters.elements.namedItem('ks') as HTMLSelectElement).value;
      const need = (filters.elements.namedItem('need') as HTMLSelectElement).value;
      const registeredOnly = (filters.elements.namedItem('registered') as HTMLInputElement).checked;
      const shown = settings.filter(s => (!ks || s.keyStages.includes(ks)) && (!need || s.specialisms.includes(need)) && (!registeredOnly || s.registered));
      table.innerHTML = renderTable(shown, settings.length, own, exact);
      table.dataset.loaded = root.dataset.loaded = String(Date.now());
    };

    const load = async (): Promise<void> => {
      try {
        const data = await gql<{ localAuthority: { apSettings: Setting[] } }>(`{ localAuthority { apSettings { ${fields} } } }`);
        if (disposed) return;
        settings = data.localAuthority.apSettings;
        render();
        noteUpdated();
        if (window.apgridFirstRender === undefined) window.apgridFirstRender = performance.now();
        if (own) renderOwnForm(ownRegion, settings.find(s => s.urn === own), message, viewer);
      } catch (error) {
        table.innerHTML = errorSummary(error);
        root.dataset.loaded = String(Date.now());
      }
    };

    filters.addEventListener('change', render);
    // The event carries the setting's new capacity: patch the row, no refetch needed.
    const stop = subscribe(`subscription { capacityChanged { ${fields} } }`, data => {
      const changed = (data as { capacityChanged: Setting }).capacityChanged;
      const index = settings.findIndex(s => s.urn === changed.urn);
      if (index >= 0) settings[index] = changed; else settings.push(changed);
      render();
    }, error => { message.innerHTML = errorSummary(error); });
    void load();
    return () => { disposed = true; stop(); };
  },
};

/** Free places in words as the API gives them outside the LA: 0 full, 1 one to four, n (a multiple of 5) n to n + 4. */
function freeRange(free: number): string {
  if (free <= 0) return 'full';
  return free < 5 ? '1 to 4' : `${free} to ${free + 4}`;
}

function renderTable(shown: Setting[], total: number, own: string | null, exact: (urn: string) => boolean): string {
  const head = sessions.map(s => `<th scope="col" class="govuk-table__header govuk-table__header--numeric"><abbr title="${sessionName(s)}">${sessionShort(s)}</abbr></th>`).join('');
  const rows = shown.map(s => {
    const cells = sessions.map(name => {
      const c = s.sessions.find(x => x.session === name);
      const places = c?.places ?? 0;
      const free = c?.free ?? 0;
      const cls = places === 0 ? 'app-cell--none' : free === 0 ? 'app-cell--full' : 'app-cell--free';
      return `<td class="govuk-table__cell govuk-table__cell--numeric app-num ${cls}" data-urn="${esc(s.urn)}" data-session="${name}"
        data-free="${free}" data-places="${places}">${places === 0 ? '–' : `${exact(s.urn) ? free : freeRange(free)}<span class="govuk-visually-hidden"> free</span> / ${places}`}</td>`;
    }).join('');
    return `<tr class="govuk-table__row" data-urn="${esc(s.urn)}">
      <th scope="row" class="govuk-table__header">${esc(s.name)}${s.urn === own ? ' ' + tag('Yours', 'blue') : ''}<br>
        <span class="govuk-body-s">${esc(settingType(s.type))} · ${s.keyStages.map(keyStageName).join(', ')} · ${s.specialisms.join(', ')}</span></th>
      <td class="govuk-table__cell">${s.registered ? tag('Registered', 'green') : tag('Unregistered', 'orange')}
        ${s.standing.approvalRequired ? `<span data-testid="approval" data-urn="${esc(s.urn)}">${standingTag(s.standing)}</span>` : ''}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric app-num" data-urn="${esc(s.urn)}" data-session="FULL_TIME" data-free="${s.fullTimePlacesFree}">${exact(s.urn) ? s.fullTimePlacesFree : freeRange(s.fullTimePlacesFree)} / ${s.fullTimePlaces}</td>
      ${cells}</tr>`;
  }).join('');
  return `<table class="govuk-table app-compact" data-testid="capacity-table">
    <caption class="govuk-table__caption govuk-table__caption--m">${shown.length} of ${plural(total, 'setting')} (free / places)</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Setting</th>
    <th scope="col" class="govuk-table__header">Registration and approval</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Full time</th>${head}</tr></thead>
    <tbody class="govuk-table__body">${rows}</tbody></table>`;
}

function renderOwnForm(region: HTMLElement, setting: Setting | undefined, message: HTMLElement, viewer: Viewer): void {
  if (!setting) { region.innerHTML = errorSummary(`Your setting (URN ${viewer.urn}) is not in this LA's list.`); return; }
  if (region.querySelector('form')) return; // keep what the user is typing; the table shows the live numbers
  const input = (name: string, text: string, value: number, step = '1') => `
    <div class="govuk-form-group"><label class="govuk-label" for="own-${name}">${text}</label>
    <input class="govuk-input govuk-input--width-3" id="own-${name}" name="${name}" type="number" min="0" step="${step}" inputmode="numeric" value="${value}"></div>`;
  region.innerHTML = `
    <form class="app-availability" data-testid="availability-form" novalidate>
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">Your availability: ${esc(setting.name)}</h2></legend>
        <div class="app-availability__grid">
          ${input('fullTimePlaces', 'Full-time places', setting.fullTimePlaces)}
          ${sessions.map(s => input(s, sessionName(s) + ' places', setting.sessions.find(x => x.session === s)?.places ?? 0)).join('')}
          ${input('outreachHoursPerWeek', 'Outreach hours a week', setting.outreachHoursPerWeek, '0.5')}
        </div>
      </fieldset>
      <button type="submit" class="govuk-button" data-module="govuk-button">Save availability</button>
    </form>`;
  const form = region.querySelector('form')!;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = (name: string) => Number((form.elements.namedItem(name) as HTMLInputElement).value);
    try {
      await gql(`mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn updatedAt } }`, {
        input: {
          urn: setting.urn,
          fullTimePlaces: value('fullTimePlaces'),
          outreachHoursPerWeek: value('outreachHoursPerWeek'),
          sessions: sessions.map(s => ({ session: s, places: value(s) })).filter(s => s.places > 0),
        },
      });
      message.innerHTML = banner('Saved', 'Your availability is saved; every board shows it now.', true);
    } catch (error) {
      message.innerHTML = errorSummary(error);
    }
  });
}
