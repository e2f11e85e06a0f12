import { gql } from '../api';
import { date, esc } from '../html';
import { feedFor, liveView, type View } from '../view';

interface Report {
  asOf: string;
  pupilsInApByAge: { key: string; count: number | null }[];
  lengthOfStay: { firstYearGroup: number; pupils: number | null; lastYearGroupShares: { yearGroup: number; percent: number | null }[] }[];
  ehcpIssuedWithin20WeeksPercent: number | null; ehcpFinalIssued: number | null;
  specialSchoolWaitMedianDays: number | null; specialSchoolWaitP90Days: number | null; pupilsWaitingInAp: number | null;
  outreachHoursAllocated: number;
}

// null means no data for the LA; for everyone else it may also mean a small number the API suppressed.
let nullText = 'no data';
const shown = (value: number | null, unit = ''): string => value === null ? nullText : `${Math.round(value * 10) / 10}${unit}`;

/** Pupils in AP by age: a bar chart drawn as SVG, with the numbers also in the picture's text. */
function barChart(counts: Report['pupilsInApByAge']): string {
  const width = 640, height = 240, pad = 30;
  const max = Math.max(1, ...counts.map(c => c.count ?? 0));
  const step = (width - pad * 2) / Math.max(1, counts.length);
  const bars = counts.map((c, i) => {
    const h = ((c.count ?? 0) / max) * (height - pad * 2);
    const x = pad + i * step + 4;
    const y = height - pad - h;
    return `<rect x="${x}" y="${y}" width="${step - 8}" height="${h}" fill="#1d70b8"><title>Age ${esc(c.key)}: ${c.count ?? 'suppressed'}</title></rect>
      <text x="${x + (step - 8) / 2}" y="${y - 4}" text-anchor="middle" font-size="12" fill="#0b0c0c">${c.count ?? '*'}</text>
      <text x="${x + (step - 8) / 2}" y="${height - pad + 16}" text-anchor="middle" font-size="12" fill="#0b0c0c">${esc(c.key)}</text>`;
  }).join('');
  return `<svg class="app-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"
    aria-label="Pupils in AP by age: ${counts.map(c => `${esc(c.key)}: ${c.count ?? 'suppressed'}`).join(', ')}">
    <line x1="${pad}" x2="${width - pad}" y1="${height - pad}" y2="${height - pad}" stroke="#0b0c0c"/>${bars}</svg>`;
}

/** Length of stay: first year group in AP (rows) against the last (columns), shaded by share. */
function heatMap(rows: Report['lengthOfStay']): string {
  const years = [...new Set(rows.flatMap(r => r.lastYearGroupShares.map(s => s.yearGroup)))].sort((a, b) => a - b);
  const body = rows.map(r => `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Year ${r.firstYearGroup} <span class="govuk-body-s">(${r.pupils ?? '*'})</span></th>${years.map(y => {
    const p = r.lastYearGroupShares.find(s => s.yearGroup === y)?.percent ?? null;
    const alpha = p === null ? 0 : Math.min(1, p / 100);
    // Dark text on light cells, white on dark ones, keeps contrast above 4.5:1.
    return `<td class="govuk-table__cell app-heat__cell" style="background: rgba(29,112,184,${alpha.toFixed(2)}); color: ${alpha > 0.45 ? '#fff' : '#0b0c0c'}">${p === null ? '' : `${Math.round(p)}%`}</td>`;
  }).join('')}</tr>`).join('');
  return `<div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)"><table class="govuk-table app-heat" data-testid="heatmap">
    <caption class="govuk-table__caption govuk-table__caption--m">Length of stay: year group on entering AP (rows) and the last year group in AP (columns), share of pupils</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">First year</th>${years.map(y => `<th scope="col" class="govuk-table__header">Y${y}</th>`).join('')}</tr></thead>
    <tbody class="govuk-table__body">${body}</tbody></table></div>`;
}

export const reportView: View = {
  id: 'report',
  title: 'Report',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF', 'AP_STAFF', 'SPECIAL_SCHOOL_STAFF', 'PARTNER'],
  mount(root, viewer) {
    return liveView(root, {
      subscriptions: [feedFor(viewer, ['PLACEMENT', 'EHCP', 'WAITING_LIST', 'OUTREACH'])],
      load: async () => {
        nullText = viewer.role === 'LA_OFFICER' ? 'no data' : 'none or hidden';
        const { report: r } = await gql<{ report: Report }>(`{ report { asOf pupilsInApByAge { key count }
          lengthOfStay { firstYearGroup pupils lastYearGroupShares { yearGroup percent } }
          ehcpIssuedWithin20WeeksPercent ehcpFinalIssued specialSchoolWaitMedianDays specialSchoolWaitP90Days pupilsWaitingInAp outreachHoursAllocated } }`);
        const figure = (label: string, value: string, id: string) =>
          `<div class="app-figure" data-testid="${id}"><span class="app-figure__value">${esc(value)}</span><span class="govuk-body-s">${esc(label)}</span></div>`;
        return `<h1 class="govuk-heading-l">Report</h1>
          <p class="govuk-body">As of ${date(r.asOf)}.${viewer.role === 'LA_OFFICER' ? '' : ' Counts from 1 to 4 are hidden for your role (* in the chart; "none or hidden" below).'}</p>
          <div class="app-figures">
            ${figure('EHC plans issued within 20 weeks', shown(r.ehcpIssuedWithin20WeeksPercent, '%'), 'ehcp-rate')}
            ${figure('final plans issued', shown(r.ehcpFinalIssued), 'ehcp-final')}
            ${figure('special-school wait, median', shown(r.specialSchoolWaitMedianDays, ' days'), 'wait-median')}
            ${figure('special-school wait, 90th percentile', shown(r.specialSchoolWaitP90Days, ' days'), 'wait-p90')}
            ${figure('pupils waiting in AP', shown(r.pupilsWaitingInAp), 'waiting-in-ap')}
            ${figure('outreach hours a week allocated', shown(r.outreachHoursAllocated), 'outreach-hours')}
          </div>
          <h2 class="govuk-heading-m">Pupils in AP by age</h2>
          ${barChart(r.pupilsInApByAge)}
          ${heatMap(r.lengthOfStay)}`;
      },
    });
  },
};
