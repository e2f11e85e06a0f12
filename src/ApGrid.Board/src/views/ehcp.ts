import { gql } from '../api';
import { date, esc, label, tag } from '../html';
import { feedFor, liveView, type View } from '../view';

interface EhcpCase {
  requestedOn: string; stage: string; decisionDue: string; finalDue: string; decisionOn: string | null;
  finalIssuedOn: string | null; overdue: boolean; weeksElapsed: number;
  pupil: { initials: string; homeSchool: { name: string } };
}

const stages = ['REQUESTED', 'ASSESSING', 'DRAFT_ISSUED', 'FINAL_ISSUED', 'NOT_ASSESSED', 'NOT_ISSUED'];

/** Weeks elapsed drawn against the statutory 6- and 20-week marks. */
function weeksBar(weeks: number, overdue: boolean): string {
  const scale = 6; // px per week, 26 weeks wide
  const w = Math.min(weeks, 26) * scale;
  return `<svg class="app-meter" width="${26 * scale}" height="16" role="img" aria-label="${weeks} weeks of 20">
    <rect x="0" y="3" width="${26 * scale}" height="10" fill="#f3f2f1"/>
    <rect x="0" y="3" width="${w}" height="10" fill="${overdue ? '#d4351c' : '#1d70b8'}"/>
    <line x1="${6 * scale}" x2="${6 * scale}" y1="0" y2="16" stroke="#0b0c0c"/>
    <line x1="${20 * scale}" x2="${20 * scale}" y1="0" y2="16" stroke="#0b0c0c" stroke-width="2"/></svg>`;
}

export const ehcpView: View = {
  id: 'ehcp',
  title: 'EHC tracker',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF'],
  mount(root, viewer) {
    return liveView(root, {
      subscriptions: [feedFor(viewer, ['EHCP'])],
      load: async () => {
        const data = await gql<{ ehcpCases: EhcpCase[] }>(`{ ehcpCases { requestedOn stage decisionDue finalDue decisionOn finalIssuedOn overdue weeksElapsed pupil { initials homeSchool { name } } } }`);
        const cases = [...data.ehcpCases].sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.weeksElapsed - a.weeksElapsed);
        const counts = stages.map(s => `<li>${tag(label(s), 'grey')} <span class="app-num">${cases.filter(c => c.stage === s).length}</span></li>`).join(' ');
        const rows = cases.map(c => `<tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">${esc(c.pupil.initials)}</th>
          <td class="govuk-table__cell">${esc(c.pupil.homeSchool.name)}</td>
          <td class="govuk-table__cell">${tag(label(c.stage), c.stage === 'FINAL_ISSUED' ? 'green' : 'blue')} ${c.overdue ? tag('Overdue', 'red') : ''}</td>
          <td class="govuk-table__cell app-num">${date(c.requestedOn)}</td>
          <td class="govuk-table__cell app-num">${c.decisionOn ? `decided ${date(c.decisionOn)}` : `due ${date(c.decisionDue)}`}</td>
          <td class="govuk-table__cell app-num">${c.finalIssuedOn ? `issued ${date(c.finalIssuedOn)}` : `due ${date(c.finalDue)}`}</td>
          <td class="govuk-table__cell app-num">${c.weeksElapsed} ${weeksBar(c.weeksElapsed, c.overdue)}</td></tr>`).join('');
        return `<h1 class="govuk-heading-l">EHC needs assessments</h1>
          <p class="govuk-body">Decision due 6 weeks after the request, final plan 20 weeks after. Overdue cases first. The bar's marks are at 6 and 20 weeks.</p>
          <ul class="govuk-list app-stages" aria-label="Cases by stage">${counts}</ul>
          <div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact" data-testid="ehcp-table">
            <caption class="govuk-table__caption govuk-table__caption--m">${cases.length} cases, ${cases.filter(c => c.overdue).length} overdue</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">School</th>
              <th scope="col" class="govuk-table__header">Stage</th><th scope="col" class="govuk-table__header">Requested</th>
              <th scope="col" class="govuk-table__header">6 weeks: decision</th><th scope="col" class="govuk-table__header">20 weeks: final plan</th>
              <th scope="col" class="govuk-table__header">Weeks elapsed</th></tr></thead>
            <tbody class="govuk-table__body">${rows || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="7">No cases you may see.</td></tr>'}</tbody></table></div>`;
      },
    });
  },
};
