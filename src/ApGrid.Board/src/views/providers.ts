import { gql, type Viewer } from '../api';
import { banner, date, errorSummary, esc, tag } from '../html';
import { keyStageName, label, plural, settingType } from '../words';
import { feedFor, laOnly, liveView, type View } from '../view';

interface Expiry { item: string; validUntil: string | null; description: string }
interface Standing {
  status: string; rag: string; approvalRequired: boolean; commissionable: boolean; reasons: string[]; approvedUntil: string | null;
  lapsed: Expiry[]; expiringSoon: Expiry[];
}
interface Provider { urn: string; name: string; type: string; keyStages: string[]; standing: Standing }
interface Version { version: number; at: string; by: string; role: string; change: string; note: string | null }
interface Assurance {
  version: number;
  setting: { urn: string; name: string; type: string; ukprn: string | null; address: string | null; postcode: string | null; contacts: { name: string; role: string; email: string | null; phone: string | null }[] };
  standing: Standing;
  dueDiligence: {
    dslName: string | null; dslTrainedOn: string | null; vettingConfirmedOn: string | null; vettingConfirmedBy: string | null; safeguardingPolicyOn: string | null;
    behaviourPolicyOn: string | null; insuranceExpires: string | null; siteRiskAssessmentOn: string | null; activityRiskAssessmentOn: string | null;
    visits: { on: string; by: string; findings: string; rag: string }[]; concerns: { raisedOn: string; summary: string; resolvedOn: string | null }[];
    themes: { theme: string; judgement: string; evidence: string }[];
  };
  decision: { decision: string; reason: string | null; approvedUntil: string | null; decidedOn: string; decidedBy: string } | null;
  history: Version[];
  overrides: { pupilId: string; reason: string; on: string }[];
}
interface PlacementCheck { placementId: string; pupilId: string; startDate: string; week: number; overTimeLimit: boolean; forReview: boolean; extendedUntil: string | null }

const standingFields = 'status rag approvalRequired commissionable reasons approvedUntil lapsed { item validUntil description } expiringSoon { item validUntil description }';

const statusWords: Record<string, string> = {
  APPROVED: 'Approved', APPROVED_WITH_CONDITIONS: 'Approved with conditions', NOT_APPROVED: 'Not approved', SUSPENDED: 'Suspended', EXPIRED: 'Expired',
};
const ragColour = { GREEN: 'green', AMBER: 'yellow', RED: 'red' } as const;
const changeWords: Record<string, string> = {
  DUE_DILIGENCE: 'Due diligence recorded', EVIDENCE_DATES: 'Evidence dates sent', DECISION: 'Decision', OVERRIDE: 'Override for a pupil', EXTENSION: 'Placement extended',
};
const themeWords: Record<string, string> = {
  SAFEGUARDING_AND_WELFARE: 'Safeguarding and welfare', HEALTH_AND_SAFETY: 'Health and safety', QUALITY_OF_EDUCATION: 'Quality of education', LEADERSHIP: 'Leadership',
};

/** A provider's standing as a tag: what commissioners look for, in words. */
export function standingTag(s: Standing): string {
  if (!s.approvalRequired && s.status === 'NOT_APPROVED') return tag('Registered school', 'grey');
  return tag(statusWords[s.status] ?? label(s.status), ragColour[s.rag as keyof typeof ragColour]);
}

const urnOf = (): string | null => location.hash.slice(1).split('/')[1] ?? null;

export const providersView: View = {
  id: 'providers',
  title: 'Providers',
  roles: ['LA_OFFICER', 'SCHOOL_STAFF', 'AP_STAFF', 'SPECIAL_SCHOOL_STAFF', 'PARTNER'],
  mount(root, viewer) {
    const urn = urnOf();
    const mayOpen = (u: string) => laOnly(viewer) || (viewer.role === 'AP_STAFF' && viewer.urn === u);
    if (urn && mayOpen(urn)) {
      return liveView(root, {
        load: () => providerPage(urn, viewer),
        subscriptions: [feedFor(viewer, ['PROVIDER_ASSURANCE', 'PROVIDER_ALERT', 'CAPACITY'])],
        after: r => wireDecision(r, urn),
      });
    }
    let status = '';
    let expiring = false;
    // Filtering reads the register again with the filter's arguments; live events read it with them too.
    const filtered = (r: HTMLElement): void => {
      r.querySelector<HTMLFormElement>('[data-region=register-filters]')?.addEventListener('change', event => {
        const form = event.currentTarget as HTMLFormElement;
        status = (form.elements.namedItem('status') as HTMLSelectElement).value;
        expiring = (form.elements.namedItem('expiring') as HTMLInputElement).checked;
        void registerPage(viewer, status, expiring, mayOpen)
          .catch((error: unknown) => errorSummary(error))
          .then(html => { r.innerHTML = html; filtered(r); r.dataset.loaded = String(Date.now()); });
      });
    };
    return liveView(root, {
      load: () => registerPage(viewer, status, expiring, mayOpen),
      subscriptions: [feedFor(viewer, ['PROVIDER_ASSURANCE', 'PROVIDER_ALERT', 'CAPACITY'])],
      after: filtered,
    });
  },
};

async function registerPage(viewer: Viewer, status: string, expiring: boolean, mayOpen: (urn: string) => boolean): Promise<string> {
  const data = await gql<{ providerRegister: Provider[] }>(
    `query($status: ProviderStatus, $within: Int) { providerRegister(status: $status, expiringWithinDays: $within) { urn name type keyStages standing { ${standingFields} } } }`,
    { status: status || null, within: expiring ? 30 : null });
  const options = Object.entries(statusWords).map(([v, w]) => `<option value="${v}"${v === status ? ' selected' : ''}>${w}</option>`).join('');
  const rows = data.providerRegister.map(p => `<tr class="govuk-table__row" data-urn="${esc(p.urn)}">
      <th scope="row" class="govuk-table__header">${mayOpen(p.urn) ? `<a class="govuk-link" href="#providers/${esc(p.urn)}">${esc(p.name)}</a>` : esc(p.name)}<br>
        <span class="govuk-body-s">${esc(settingType(p.type))} · ${p.keyStages.map(keyStageName).join(', ')}</span></th>
      <td class="govuk-table__cell" data-testid="provider-status">${standingTag(p.standing)}</td>
      <td class="govuk-table__cell">${p.standing.approvedUntil ? date(p.standing.approvedUntil) : ''}</td>
      <td class="govuk-table__cell">${[...p.standing.reasons].map(r => `<p class="govuk-body-s govuk-!-margin-bottom-1">${esc(r)}</p>`).join('')}</td></tr>`).join('');
  return `<h1 class="govuk-heading-l">Provider register</h1>
    <p class="govuk-body">Every AP provider and its standing today. Non-school AP may be commissioned only when approved by the LA.${
      laOnly(viewer) ? '' : ' The record behind an approval is the LA\'s.'}</p>
    <form class="govuk-form-group" data-region="register-filters" novalidate><div class="govuk-grid-row">
      <div class="govuk-grid-column-one-third govuk-form-group"><label class="govuk-label" for="register-status">Status</label>
        <select class="govuk-select" id="register-status" name="status"><option value="">Any</option>${options}</select></div>
      <div class="govuk-grid-column-two-thirds govuk-form-group"><div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="register-expiring" name="expiring" type="checkbox"${expiring ? ' checked' : ''}>
        <label class="govuk-label govuk-checkboxes__label" for="register-expiring">Lapsed or lapsing within 30 days</label></div></div></div>
    </div></form>
    <table class="govuk-table" data-testid="provider-register">
      <caption class="govuk-table__caption govuk-table__caption--m">${plural(data.providerRegister.length, 'provider')}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Provider</th>
        <th scope="col" class="govuk-table__header">Standing</th><th scope="col" class="govuk-table__header">Approved until</th>
        <th scope="col" class="govuk-table__header">Why</th></tr></thead>
      <tbody class="govuk-table__body">${rows}</tbody></table>`;
}

async function providerPage(urn: string, viewer: Viewer): Promise<string> {
  const la = laOnly(viewer);
  const data = await gql<{ providerAssurance: Assurance | null }>(`query($urn: String!) { providerAssurance(urn: $urn) {
      version setting { urn name type ukprn address postcode contacts { name role email phone } } standing { ${standingFields} }
      dueDiligence { dslName dslTrainedOn vettingConfirmedOn vettingConfirmedBy safeguardingPolicyOn behaviourPolicyOn insuranceExpires
        siteRiskAssessmentOn activityRiskAssessmentOn visits { on by findings rag } concerns { raisedOn summary resolvedOn } themes { theme judgement evidence } }
      decision { decision reason approvedUntil decidedOn decidedBy } history { version at by role change note } overrides { pupilId reason on } } }`, { urn });
  const a = data.providerAssurance!;
  const placements = la
    ? (await gql<{ providerAssurance: { activePlacements: PlacementCheck[] } }>(
      'query($urn: String!) { providerAssurance(urn: $urn) { activePlacements { placementId pupilId startDate week overTimeLimit forReview extendedUntil } } }', { urn }))
      .providerAssurance.activePlacements
    : [];
  const d = a.dueDiligence;
  const row = (key: string, value: string) => `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(key)}</dt>
    <dd class="govuk-summary-list__value">${value || '<span class="govuk-hint">Not recorded</span>'}</dd></div>`;
  return `<a class="govuk-back-link" href="#providers">Provider register</a>
    <h1 class="govuk-heading-l">${esc(a.setting.name)}</h1>
    <div data-region="message"></div>
    <p class="govuk-body" data-testid="provider-standing">${standingTag(a.standing)} ${a.standing.approvedUntil ? `Approved until ${date(a.standing.approvedUntil)}.` : ''}</p>
    ${a.standing.reasons.map(r => `<p class="govuk-body">${esc(r)}</p>`).join('')}
    <h2 class="govuk-heading-m">Profile</h2>
    <dl class="govuk-summary-list">
      ${row('Type', esc(settingType(a.setting.type)))}${row('UKPRN', esc(a.setting.ukprn ?? ''))}${row('Address', esc([a.setting.address, a.setting.postcode].filter(Boolean).join(', ')))}
      ${row('Contacts', a.setting.contacts.map(c => `${esc(c.name)} (${esc(c.role)}) ${esc(c.email ?? '')} ${esc(c.phone ?? '')}`).join('<br>'))}
    </dl>
    <h2 class="govuk-heading-m">Due diligence</h2>
    <dl class="govuk-summary-list">
      ${row('Designated safeguarding lead', esc(d.dslName ?? '') + (d.dslTrainedOn ? `, trained ${date(d.dslTrainedOn)}` : ''))}
      ${row('DBS checks and single central record', d.vettingConfirmedOn ? `Confirmed ${date(d.vettingConfirmedOn)} by ${esc(d.vettingConfirmedBy)}` : '')}
      ${row('Safeguarding policy', date(d.safeguardingPolicyOn))}${row('Behaviour policy', date(d.behaviourPolicyOn))}
      ${row('Insurance expires', date(d.insuranceExpires))}
      ${row('Risk assessments', [d.siteRiskAssessmentOn ? `Site ${date(d.siteRiskAssessmentOn)}` : '', d.activityRiskAssessmentOn ? `Activities ${date(d.activityRiskAssessmentOn)}` : ''].filter(Boolean).join(', '))}
      ${row('Visits', d.visits.map(v => `${date(v.on)} by ${esc(v.by)}: ${esc(v.findings)} ${tag(label(v.rag), ragColour[v.rag as keyof typeof ragColour])}`).join('<br>'))}
      ${row('Concerns', d.concerns.map(c => `${date(c.raisedOn)}: ${esc(c.summary)}${c.resolvedOn ? ` (resolved ${date(c.resolvedOn)})` : ' (open)'}`).join('<br>'))}
      ${row('National standards', d.themes.map(t => `${esc(themeWords[t.theme] ?? label(t.theme))}: ${esc(label(t.judgement))}. ${esc(t.evidence)}`).join('<br>'))}
    </dl>
    ${la ? decisionForm() : ''}
    ${la ? `<h2 class="govuk-heading-m">Active placements</h2>${placements.length === 0 ? '<p class="govuk-body">None.</p>' : `<table class="govuk-table" data-testid="provider-placements">
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">Started</th>
      <th scope="col" class="govuk-table__header">Week</th><th scope="col" class="govuk-table__header">Flags</th></tr></thead><tbody class="govuk-table__body">
      ${placements.map(p => `<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="#pupil/${esc(p.pupilId)}">${esc(p.pupilId)}</a></td>
        <td class="govuk-table__cell">${date(p.startDate)}</td><td class="govuk-table__cell">${p.week}</td>
        <td class="govuk-table__cell">${p.forReview ? tag('For review', 'red') : ''} ${p.overTimeLimit ? tag('Past the time limit', 'orange') : ''}${
          p.extendedUntil ? ` Extended until ${date(p.extendedUntil)}` : ''}</td></tr>`).join('')}</tbody></table>`}` : ''}
    <h2 class="govuk-heading-m">History</h2>
    <ol class="govuk-list govuk-list--number" data-testid="provider-history">${a.history.map(v => `<li>${esc(changeWords[v.change] ?? label(v.change))}, ${date(v.at)}, ${esc(v.by)}${
      v.note ? `: ${esc(v.note)}` : ''}</li>`).join('')}</ol>`;
}

function decisionForm(): string {
  return `<form data-region="decide" novalidate>
    <h2 class="govuk-heading-m">Decision</h2>
    <div class="govuk-form-group"><label class="govuk-label" for="decision">Decision</label>
      <select class="govuk-select" id="decision" name="decision">${['APPROVED', 'APPROVED_WITH_CONDITIONS', 'NOT_APPROVED', 'SUSPENDED']
        .map(v => `<option value="${v}">${statusWords[v]}</option>`).join('')}</select></div>
    <div class="govuk-form-group"><label class="govuk-label" for="decision-reason">Reason or conditions</label>
      <div class="govuk-hint" id="decision-reason-hint">Needed for anything but a plain approval.</div>
      <textarea class="govuk-textarea" id="decision-reason" name="reason" rows="2" aria-describedby="decision-reason-hint"></textarea></div>
    <div class="govuk-form-group"><label class="govuk-label" for="approved-until">Approved until</label>
      <div class="govuk-hint" id="approved-until-hint">Leave empty for 12 months from today.</div>
      <input class="govuk-input govuk-input--width-10" id="approved-until" name="approvedUntil" type="date" aria-describedby="approved-until-hint"></div>
    <button type="submit" class="govuk-button" data-module="govuk-button">Record decision</button>
  </form>`;
}

function wireDecision(root: HTMLElement, urn: string): void {
  const form = root.querySelector<HTMLFormElement>('[data-region=decide]');
  if (!form) return;
  const message = root.querySelector<HTMLElement>('[data-region=message]')!;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    try {
      await gql('mutation($input: DecideProviderApprovalInput!) { decideProviderApproval(input: $input) { version } }', {
        input: { urn, decision: value('decision'), reason: value('reason') || null, approvedUntil: value('approvedUntil') || null },
      });
      message.innerHTML = banner('Decision recorded', 'The provider\'s standing is updated everywhere it appears.', true);
    } catch (error) {
      message.innerHTML = errorSummary(error);
    }
  });
}
