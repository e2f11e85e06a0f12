import { gql } from '../api';
import { date, esc, tag } from '../html';
import { ehcStage, label, plural } from '../words';
import { feedFor, liveView, type View } from '../view';

interface Deadline { kind: string; dueDate: string; overdue: boolean }

interface EhcpCase {
  requestedOn: string; stage: string; decisionDue: string; finalDue: string; decisionOn: string | null;
  finalIssuedOn: string | null; overdue: boolean; weeksElapsed: number; ceasedOn: string | null;
  nextDeadline: Deadline | null; deadlines: Deadline[];
  exceptions: { regulation: string; kind: string }[];
  pupil: { initials: string; homeSchool: { name: string } };
}

/** Each statutory deadline in the words caseworkers use. */
const deadlineWords: Record<string, string> = {
  DECISION: 'Decision to assess',
  NOT_ISSUE_NOTICE: 'Notice not to issue',
  FINAL: 'Final plan',
  ANNUAL_REVIEW: 'Annual review',
  REVIEW_DECISION: 'Review decision',
  PHASE_TRANSFER: 'Phase transfer (15 February)',
};

const exceptionWords: Record<string, string> = {
  SCHOOL_CLOSURE: 'school closure',
  EXCEPTIONAL_PERSONAL_CIRCUMSTANCES: 'exceptional personal circumstances',
  ABSENCE: 'absence of 4 weeks or more',
};

/** The deadline to act on: the earliest overdue one, else the next one owed. */
function nextCell(c: EhcpCase): string {
  const late = c.deadlines.filter(d => d.overdue);
  const next = late.length > 0 ? late[0] : c.nextDeadline;
  const exceptions = c.exceptions.map(e => `<br><span class="govuk-body-s">Exception, reg ${esc(e.regulation)}: ${esc(exceptionWords[e.kind] ?? label(e.kind))}</span>`).join('');
  if (!next) return `${c.ceasedOn ? `Plan ceased ${date(c.ceasedOn)}` : 'None owed'}${exceptions}`;
  const more = late.length > 1 ? ` <span class="govuk-body-s">and ${late.length - 1} more overdue</span>` : '';
  return `<span data-deadline="${esc(next.kind)}">${esc(deadlineWords[next.kind] ?? label(next.kind))}</span> due ${date(next.dueDate)}${late.length > 0 ? ` ${tag('Overdue', 'red')}` : ''}${more}${exceptions}`;
}

const nextDue = (c: EhcpCase): string => c.deadlines.find(d => d.overdue)?.dueDate ?? c.nextDeadline?.dueDate ?? '9999-12-31';

const stages = ['REQUESTED', 'ASSESSING', 'DRAFT_ISSUED', 'FINAL_ISSUED', 'NOT_ASSESSED', 'NOT_ISSUED'];

/** Weeks elapsed drawn against the statutory 6- and 20-week marks. */
function weeksBar(weeks: number, overdue: boolean): string {
  const scale = 6; // px per week, 26 weeks wide
  const w = Math.min(weeks, 26) * scale;
  return `<svg class="app-meter" width="${26 * scale}" height="16" role="img" aria-label="${plural(weeks, 'week')} of 20">
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
      subscriptions: [feedFor(viewer, ['EHCP', 'EHCP_DEADLINE'])],
      load: async () => {
        const data = await gql<{ ehcpCases: EhcpCase[] }>(`{ ehcpCases { requestedOn stage decisionDue finalDue decisionOn finalIssuedOn weeksElapsed ceasedOn nextDeadline { kind dueDate overdue } deadlines { kind dueDate overdue } exceptions { regulation kind } pupil { initials homeSchool { name } } } }`);
        // A case is overdue when any of its deadlines is (the API's own overdue flag says the same, and is deprecated).
        const cases = data.ehcpCases.map(c => ({ ...c, overdue: c.deadlines.some(d => d.overdue) })).sort((a, b) => Number(b.overdue) - Number(a.overdue) || nextDue(a).localeCompare(nextDue(b)));
        const counts = stages.map(s => `<li>${tag(ehcStage(s), 'grey')} <span class="app-num">${cases.filter(c => c.stage === s).length}</span></li>`).join(' ');
        const rows = cases.map(c => `<tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">${esc(c.pupil.initials)}</th>
          <td class="govuk-table__cell">${esc(c.pupil.homeSchool.name)}</td>
          <td class="govuk-table__cell">${tag(ehcStage(c.stage), c.stage === 'FINAL_ISSUED' ? 'green' : 'blue')}</td>
          <td class="govuk-table__cell" data-testid="ehcp-next">${nextCell(c)}</td>
          <td class="govuk-table__cell app-num">${date(c.requestedOn)}</td>
          <td class="govuk-table__cell app-num">${c.decisionOn ? `decided ${date(c.decisionOn)}` : `due ${date(c.decisionDue)}`}</td>
          <td class="govuk-table__cell app-num">${c.finalIssuedOn ? `issued ${date(c.finalIssuedOn)}` : `due ${date(c.finalDue)}`}</td>
          <td class="govuk-table__cell app-num">${c.weeksElapsed} ${weeksBar(c.weeksElapsed, c.overdue)}</td></tr>`).join('');
        return `<h1 class="govuk-heading-l">EHC needs assessments</h1>
          <p class="govuk-body">Decision due 6 weeks after the request, notice of a decision not to issue within 16 weeks, final plan 20 weeks after. Then an annual review within 12 months of the plan and of each review, the LA's decision within 4 weeks of the meeting, and before a move to Reception, Year 7 or post-16 an amended plan by 15 February. Overdue cases first. The bar's marks are at 6 and 20 weeks.</p>
          <ul class="govuk-list app-stages" aria-label="Cases by stage">${counts}</ul>
          <div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-compact" data-testid="ehcp-table">
            <caption class="govuk-table__caption govuk-table__caption--m">${plural(cases.length, 'case')}, ${cases.filter(c => c.overdue).length} overdue</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">School</th>
              <th scope="col" class="govuk-table__header">Stage</th><th scope="col" class="govuk-table__header">Next deadline</th>
              <th scope="col" class="govuk-table__header">Requested</th>
              <th scope="col" class="govuk-table__header">6 weeks: decision</th><th scope="col" class="govuk-table__header">20 weeks: final plan</th>
              <th scope="col" class="govuk-table__header">Weeks elapsed</th></tr></thead>
            <tbody class="govuk-table__body">${rows || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="8">No cases you may see.</td></tr>'}</tbody></table></div>`;
      },
    });
  },
};
