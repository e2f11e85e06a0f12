import { gql } from '../api';
import { date, esc } from '../html';
import { feedFor, liveView, type View } from '../view';

type ApType = 'STATE_FUNDED' | 'INDEPENDENT' | 'NON_SCHOOL';

interface Report {
  asOf: string;
  publishedAt: string | null;
  censusDate: string;
  pupilsInApByAge: { key: string; count: number | null }[];
  lengthOfStay: { firstYearGroup: number; pupils: number | null; lastYearGroupShares: { yearGroup: number; percent: number | null }[] }[];
  ongoingStays: { firstYearGroup: number; pupils: number | null }[];
  pupilsInApByAgeAndType: { apType: ApType; pupils: number | null; byAge: { key: string; count: number | null }[] }[];
  ehcpIssuedWithin20WeeksPercent: number | null; ehcpFinalIssued: number | null;
  specialSchoolWaitMedianDays: number | null; specialSchoolWaitP90Days: number | null; pupilsWaitingInAp: number | null;
  outreachHoursAllocated: number;
}

const apTypeNames: Record<ApType, string> = {
  STATE_FUNDED: 'State-funded AP (pupil referral units, AP academies, AP free schools)',
  INDEPENDENT: 'Independent schools',
  NON_SCHOOL: 'Unregistered providers (not schools)',
};

const apTypeShort: Record<ApType, string> = { STATE_FUNDED: 'State-funded AP', INDEPENDENT: 'Independent schools', NON_SCHOOL: 'Unregistered providers' };

const apTypeInSentence: Record<ApType, string> = { STATE_FUNDED: 'state-funded AP', INDEPENDENT: 'independent schools', NON_SCHOOL: 'unregistered providers' };

const yearName = (year: number): string => year === 0 ? 'Reception' : year < 0 ? 'Before Reception' : `Year ${year}`;

const ageName = (key: string): string => key === '4_AND_UNDER' ? '4 and under' : key;

/** 2026 → "2026/27", the way schools write an academic year. */
const academicYear = (start: number): string => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;

// null means no data for the LA; for everyone else it may also mean a count the API withheld.
let nullText = 'no data';
// Outside the LA every count shown is rounded to the nearest 5: say so where it is read.
let about = '';
const shown = (value: number | null, unit = ''): string => value === null ? nullText : `${about}${Math.round(value * 10) / 10}${unit}`;

/** Pupils in AP by age: a bar chart drawn as SVG, with the numbers also in the picture's text. */
function barChart(counts: Report['pupilsInApByAge']): string {
  const width = 640, height = 240, pad = 30;
  const max = Math.max(1, ...counts.map(c => c.count ?? 0));
  const step = (width - pad * 2) / Math.max(1, counts.length);
  const bars = counts.map((c, i) => {
    const h = ((c.count ?? 0) / max) * (height - pad * 2);
    const x = pad + i * step + 4;
    const y = height - pad - h;
    return `<rect x="${x}" y="${y}" width="${step - 8}" height="${h}" fill="#1d70b8"><title>Age ${esc(c.key)}: ${shown(c.count)}</title></rect>
      <text x="${x + (step - 8) / 2}" y="${y - 4}" text-anchor="middle" font-size="12" fill="#0b0c0c">${c.count === null ? '*' : `${about ? '~' : ''}${c.count}`}</text>
      <text x="${x + (step - 8) / 2}" y="${height - pad + 16}" text-anchor="middle" font-size="12" fill="#0b0c0c">${esc(c.key)}</text>`;
  }).join('');
  return `<svg class="app-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"
    aria-label="Pupils in AP by age: ${counts.map(c => `${esc(c.key)}: ${shown(c.count)}`).join(', ')}">
    <line x1="${pad}" x2="${width - pad}" y1="${height - pad}" y2="${height - pad}" stroke="#0b0c0c"/>${bars}</svg>`;
}

const tableWrap = (inner: string): string =>
  `<div class="app-table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">${inner}</div>`;

/** Length of stay: first year group in AP (rows) against the last (columns), shaded by share. */
function heatMap(rows: Report['lengthOfStay'], caption: string): string {
  if (rows.length === 0) return `<p class="govuk-body" data-testid="heatmap-empty">No pupil in this entry year and kind of AP has left AP yet.</p>`;
  const years = [...new Set(rows.flatMap(r => r.lastYearGroupShares.map(s => s.yearGroup)))].sort((a, b) => a - b);
  const body = rows.map(r => `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${yearName(r.firstYearGroup)} <span class="govuk-body-s">(${r.pupils ?? '*'})</span></th>${years.map(y => {
    const p = r.lastYearGroupShares.find(s => s.yearGroup === y)?.percent ?? null;
    const alpha = p === null ? 0 : Math.min(1, p / 100);
    // Dark text on light cells, white on dark ones, keeps contrast above 4.5:1.
    return `<td class="govuk-table__cell app-heat__cell" style="background: rgba(29,112,184,${alpha.toFixed(2)}); color: ${alpha > 0.45 ? '#fff' : '#0b0c0c'}">${p === null ? '' : `${Math.round(p)}%`}</td>`;
  }).join('')}</tr>`).join('');
  return tableWrap(`<table class="govuk-table app-heat" data-testid="heatmap">
    <caption class="govuk-table__caption govuk-table__caption--s">${esc(caption)}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">First year group in AP (pupils)</th>${years.map(y => `<th scope="col" class="govuk-table__header">${yearName(y)}</th>`).join('')}</tr></thead>
    <tbody class="govuk-table__body">${body}</tbody></table>`);
}

function ongoingTable(rows: Report['ongoingStays']): string {
  if (rows.length === 0) return `<p class="govuk-body" data-testid="ongoing-empty">Nobody in this entry year and kind of AP is still in AP.</p>`;
  return tableWrap(`<table class="govuk-table" data-testid="ongoing">
    <caption class="govuk-table__caption govuk-table__caption--s">Still in AP, by the year group they entered it in (not counted among the finished stays)</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">First year group in AP</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Pupils still in AP</th></tr></thead>
    <tbody class="govuk-table__body">${rows.map(r => `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${yearName(r.firstYearGroup)}</th><td class="govuk-table__cell govuk-table__cell--numeric">${shown(r.pupils)}</td></tr>`).join('')}</tbody></table>`);
}

function byAgeAndType(r: Report): string {
  const ages = [...new Set(r.pupilsInApByAgeAndType.flatMap(t => t.byAge.map(a => a.key)))]
    .sort((a, b) => (a === '4_AND_UNDER' ? 4 : Number(a)) - (b === '4_AND_UNDER' ? 4 : Number(b)));
  const cell = (value: number | null) => `<td class="govuk-table__cell govuk-table__cell--numeric">${shown(value)}</td>`;
  const rows = ages.map(age => `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${esc(ageName(age))}</th>${
    r.pupilsInApByAgeAndType.map(t => cell(t.byAge.find(a => a.key === age)?.count ?? 0)).join('')}</tr>`).join('');
  return tableWrap(`<table class="govuk-table" data-testid="by-age-and-type">
    <caption class="govuk-table__caption govuk-table__caption--s">Pupils in AP on ${date(r.censusDate)}, the January school census day, by age on the 31 August before</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Age</th>${r.pupilsInApByAgeAndType.map(t => `<th scope="col" class="govuk-table__header govuk-table__header--numeric">${esc(apTypeShort[t.apType])}</th>`).join('')}</tr></thead>
    <tbody class="govuk-table__body">${rows}<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">All ages</th>${r.pupilsInApByAgeAndType.map(t => cell(t.pupils)).join('')}</tr></tbody></table>`);
}

/** What the reader chose; kept while they move between views. */
const chosen: { entryCohort: number | null; apType: ApType | null } = { entryCohort: null, apType: null };

function filters(asOf: string): string {
  const current = Number(asOf.slice(0, 4)) - (Number(asOf.slice(5, 7)) < 9 ? 1 : 0);
  const cohorts = Array.from({ length: 11 }, (_, i) => current - i);
  const option = (value: string, text: string, selected: boolean) => `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(text)}</option>`;
  return `<form class="govuk-grid-row" data-region="stay-filters" novalidate>
    <div class="govuk-grid-column-one-third govuk-form-group">
      <label class="govuk-label" for="stay-cohort">Year pupils first entered AP</label>
      <select class="govuk-select" id="stay-cohort" name="cohort">${option('', 'Any year', chosen.entryCohort === null)}${cohorts.map(c => option(String(c), academicYear(c), chosen.entryCohort === c)).join('')}</select>
    </div>
    <div class="govuk-grid-column-two-thirds govuk-form-group">
      <label class="govuk-label" for="stay-type">Kind of AP</label>
      <select class="govuk-select" id="stay-type" name="type">${option('', 'Every kind of AP', chosen.apType === null)}${(Object.keys(apTypeNames) as ApType[]).map(t => option(t, apTypeNames[t], chosen.apType === t)).join('')}</select>
    </div>
  </form>`;
}

export const reportView: View = {
  id: 'report',
  title: 'Report',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF', 'AP_STAFF', 'SPECIAL_SCHOOL_STAFF', 'PARTNER'],
  mount(root, viewer) {
    let stop = (): void => undefined;
    let focusAfter: string | null = null;
    const start = (): void => {
      stop();
      stop = liveView(root, {
        subscriptions: [feedFor(viewer, ['PLACEMENT', 'EHCP', 'WAITING_LIST', 'OUTREACH'])],
        load: async () => {
          nullText = viewer.role === 'LA_OFFICER' ? 'no data' : 'not shown';
          about = viewer.role === 'LA_OFFICER' ? '' : 'about ';
          const { report: r } = await gql<{ report: Report }>(`query($cohort: Int, $type: ApType) { report(entryCohort: $cohort, apType: $type) {
            asOf publishedAt censusDate pupilsInApByAge { key count }
            lengthOfStay: finishedStays { firstYearGroup pupils lastYearGroupShares { yearGroup percent } }
            ongoingStays { firstYearGroup pupils }
            pupilsInApByAgeAndType { apType pupils byAge { key count } }
            ehcpIssuedWithin20WeeksPercent ehcpFinalIssued specialSchoolWaitMedianDays specialSchoolWaitP90Days pupilsWaitingInAp outreachHoursAllocated } }`,
          { cohort: chosen.entryCohort, type: chosen.apType });
          const figure = (label: string, value: string, id: string) =>
            `<div class="app-figure" data-testid="${id}"><span class="app-figure__value">${esc(value)}</span><span class="govuk-body-s">${esc(label)}</span></div>`;
          const whose = `${chosen.entryCohort === null ? 'pupils of any entry year' : `pupils who first entered AP in ${academicYear(chosen.entryCohort)}`}, ${chosen.apType === null ? 'every kind of AP' : apTypeInSentence[chosen.apType]}`;
          return `<h1 class="govuk-heading-l">Report</h1>
            <p class="govuk-body">As of ${date(r.asOf)}.</p>
            ${r.publishedAt === null ? '' : `<div class="govuk-inset-text" data-testid="published">These figures were published on ${date(r.publishedAt)} and are published once a day, not live.
              To protect children's privacy, counts under 5 (zero included) are not shown, a few others are not shown so they cannot be worked out from the totals (* in the chart and tables, "not shown" below),
              and every other count is rounded to the nearest 5 ("about 15"). Percentages are of the rounded counts.</div>`}
            <div class="app-figures">
              ${figure('EHC plans issued within 20 weeks', shown(r.ehcpIssuedWithin20WeeksPercent, '%'), 'ehcp-rate')}
              ${figure('final plans issued', shown(r.ehcpFinalIssued), 'ehcp-final')}
              ${figure('special-school wait, median', shown(r.specialSchoolWaitMedianDays, ' days'), 'wait-median')}
              ${figure('special-school wait, 90th percentile', shown(r.specialSchoolWaitP90Days, ' days'), 'wait-p90')}
              ${figure('pupils waiting in AP', shown(r.pupilsWaitingInAp), 'waiting-in-ap')}
              ${figure('outreach hours a week allocated', shown(r.outreachHoursAllocated), 'outreach-hours')}
            </div>
            <h2 class="govuk-heading-m">Pupils in AP now by age</h2>
            ${barChart(r.pupilsInApByAge)}
            <h2 class="govuk-heading-m">Pupils in AP on census day by kind of AP</h2>
            ${byAgeAndType(r)}
            <h2 class="govuk-heading-m">Length of stay in AP</h2>
            <p class="govuk-body">Each pupil once: the year group they were in when they first entered AP, and the year group they were in when they last left it, as a share of the row.</p>
            ${filters(r.asOf)}
            <p class="govuk-body" data-testid="stay-whose">Showing ${esc(whose)}.</p>
            ${heatMap(r.lengthOfStay, `Length of stay, ${whose}: first year group in AP (rows) and last year group in AP (columns)`)}
            ${ongoingTable(r.ongoingStays)}`;
        },
        after: shownRoot => {
          const form = shownRoot.querySelector<HTMLFormElement>('form[data-region=stay-filters]');
          if (focusAfter) { shownRoot.querySelector<HTMLElement>(`#${focusAfter}`)?.focus(); focusAfter = null; }
          form?.addEventListener('change', event => {
            const value = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement).value;
            chosen.entryCohort = value('cohort') === '' ? null : Number(value('cohort'));
            chosen.apType = value('type') === '' ? null : value('type') as ApType;
            focusAfter = (event.target as HTMLElement).id;
            start();
          });
        },
      });
    };
    start();
    return () => stop();
  },
};
