import { gql } from '../api';
import { confirmBefore } from '../confirm';
import { date, errorSummary, esc, tag } from '../html';
import { plural } from '../words';
import { feedFor, liveView, type View } from '../view';

interface Request { id: string; school: { name: string }; reason: string; suspensionsThisTerm: number; hoursRequested: number; requestedOn: string }
interface Board {
  open: Request[];
  allocated: { request: Request; setting: { urn: string; name: string; outreachHoursPerWeek: number; outreachHoursFree: number }; hoursPerWeek: number; startsOn: string }[];
  hoursAvailable: number; hoursAllocated: number;
}

function meter(used: number, available: number, text: string): string {
  const width = 300;
  const share = available > 0 ? Math.min(used / available, 1) : 0;
  return `<svg class="app-meter" width="${width}" height="20" role="img" aria-label="${esc(text)}">
    <rect width="${width}" height="20" fill="#f3f2f1"/><rect width="${Math.round(share * width)}" height="20" fill="#00703c"/></svg>`;
}

export const outreachView: View = {
  id: 'outreach',
  title: 'Outreach',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF', 'AP_STAFF'],
  mount(root, viewer) {
    return liveView(root, {
      subscriptions: [feedFor(viewer, ['OUTREACH', 'CAPACITY'])],
      load: async () => {
        const { outreach: b } = await gql<{ outreach: Board }>(`{ outreach {
          open { id school { name } reason suspensionsThisTerm hoursRequested requestedOn }
          allocated { request { id school { name } reason suspensionsThisTerm hoursRequested requestedOn } setting { urn name outreachHoursPerWeek outreachHoursFree } hoursPerWeek startsOn }
          hoursAvailable hoursAllocated } }`);
        const settings = new Map(b.allocated.map(a => [a.setting.urn, a.setting]));
        const usage = [...settings.values()].map(s => {
          const used = s.outreachHoursPerWeek - s.outreachHoursFree;
          return `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${esc(s.name)}</th>
            <td class="govuk-table__cell app-num">${used} of ${plural(s.outreachHoursPerWeek, 'hour')}</td>
            <td class="govuk-table__cell">${meter(used, s.outreachHoursPerWeek, `${used} of ${plural(s.outreachHoursPerWeek, 'hour')} used`)}</td></tr>`;
        }).join('');
        const openRows = b.open.map(r => `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${esc(r.school.name)}</th>
          <td class="govuk-table__cell">${esc(r.reason)}</td><td class="govuk-table__cell govuk-table__cell--numeric">${r.suspensionsThisTerm}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric app-num">${r.hoursRequested}</td><td class="govuk-table__cell app-num">${date(r.requestedOn)}</td></tr>`).join('');
        const allocRows = b.allocated.map(a => `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${esc(a.request.school.name)}</th>
          <td class="govuk-table__cell">${esc(a.setting.name)}</td><td class="govuk-table__cell govuk-table__cell--numeric app-num">${a.hoursPerWeek}</td>
          <td class="govuk-table__cell app-num">${date(a.startsOn)}</td></tr>`).join('');
        return `<h1 class="govuk-heading-l">Outreach</h1>
          <p class="govuk-body" data-testid="outreach-summary">${b.hoursAllocated} of ${plural(b.hoursAvailable, 'hour')} a week allocated ${meter(b.hoursAllocated, b.hoursAvailable, `${b.hoursAllocated} of ${plural(b.hoursAvailable, 'hour')} allocated`)}</p>
          <div data-region="allocate-message"></div>
          ${viewer.role === 'LA_OFFICER' && b.open.length > 0 ? `<button type="button" class="govuk-button" data-action="allocate" data-open="${esc(plural(b.open.length, 'open request'))}">Allocate open requests</button>` : ''}
          <div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact"><caption class="govuk-table__caption govuk-table__caption--m">Open requests ${tag(String(b.open.length), 'blue')}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">School</th><th scope="col" class="govuk-table__header">Reason</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Suspensions this term</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Hours</th>
            <th scope="col" class="govuk-table__header">Requested</th></tr></thead>
            <tbody class="govuk-table__body">${openRows || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="5">None open.</td></tr>'}</tbody></table></div>
          <div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact"><caption class="govuk-table__caption govuk-table__caption--m">Allocations</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">School</th><th scope="col" class="govuk-table__header">AP setting</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Hours a week</th><th scope="col" class="govuk-table__header">Starts</th></tr></thead>
            <tbody class="govuk-table__body">${allocRows || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">None.</td></tr>'}</tbody></table></div>
          <div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact"><caption class="govuk-table__caption govuk-table__caption--m">Hours used against hours available, by setting</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">AP setting</th><th scope="col" class="govuk-table__header">Used</th>
            <th scope="col" class="govuk-table__header">Share</th></tr></thead>
            <tbody class="govuk-table__body">${usage || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="3">No allocations.</td></tr>'}</tbody></table></div>`;
      },
      after: root => {
        // The LA runs the allocation rule (docs/outreach.md); the board redraws from the OUTREACH entries it writes.
        const button = root.querySelector<HTMLButtonElement>('[data-action=allocate]');
        if (button) confirmBefore(button, `Allocate outreach hours to the ${button.dataset.open} by the LA's allocation rule? The allocations are recorded at once.`, 'Yes, allocate', async () => {
          try {
            await gql('mutation { allocateOutreach { hoursPerWeek } }');
          } catch (error) {
            root.querySelector('[data-region=allocate-message]')!.innerHTML = errorSummary(error);
          }
        });
      },
    });
  },
};
