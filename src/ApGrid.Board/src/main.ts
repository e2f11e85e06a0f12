import './board.scss';
import { ApiError, closeSocket, gql, loadSession, signOut, token, type Session, type Viewer } from './api';
import { errorSummary, esc } from './html';
import { liveIndicator } from './live';
import { roleName, roles } from './words';
import type { View } from './view';
import { capacityView } from './views/capacity';
import { placementsView } from './views/placements';
import { ehcpView } from './views/ehcp';
import { waitingView } from './views/waiting';
import { outreachView } from './views/outreach';
import { reportView } from './views/report';
import { pupilView } from './views/pupil';
import { calendarView } from './views/calendar';
import { referralsView } from './views/referrals';
import { directionsView } from './views/directions';
import { sixthDayView } from './views/exclusions';
import { notArrivedView, registerView } from './views/attendance';
import { accessView } from './views/access';
import { providersView } from './views/providers';

// govuk-frontend styles its JS-enhanced components by these classes; set here since the page allows no inline script.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

const views: View[] = [capacityView, referralsView, directionsView, placementsView, pupilView, registerView, notArrivedView, ehcpView, waitingView, outreachView, reportView, calendarView, sixthDayView, providersView, accessView];
const app = document.getElementById('app')!;
const nav = document.getElementById('service-navigation')!;
let unmount: (() => void) | null = null;
let viewer: Viewer | null = null;

interface BoardTenant { code: string; name: string }
interface BoardConfig { devSignIn: boolean; tenants: BoardTenant[]; providers: BoardTenant[] }

async function start(): Promise<void> {
  let session: Session = { signedIn: false };
  if (!token.get()) {
    try { session = await loadSession(); } catch { /* no session: the sign-in page says what to do */ }
    if (!session.signedIn) return signInPage();
  }
  try {
    viewer = (await gql<{ viewer: Viewer }>('{ viewer { tenant role urn localAuthorityName settingName } }')).viewer;
  } catch (error) {
    if (error instanceof ApiError && error.noAccess) return noAccessPage(session);
    if (error instanceof ApiError && error.unauthenticated) { token.clear(); return signInPage('Your sign-in has expired or was refused. Sign in again.'); }
    app.innerHTML = errorSummary(error);
    return;
  }
  renderNav();
  window.addEventListener('hashchange', route);
  route();
}

function allowed(): View[] {
  return views.filter(v => viewer && v.roles.includes(viewer.role));
}

/** The view named in the address: "#pupil/p-0123456789" opens the pupil view on that pupil. */
const currentId = (): string => location.hash.slice(1).split('/')[0] || 'capacity';

function renderNav(): void {
  const current = currentId();
  nav.innerHTML = `<section class="govuk-service-navigation" aria-label="Service information" data-module="govuk-service-navigation">
    <div class="govuk-width-container"><div class="govuk-service-navigation__container">
      <span class="govuk-service-navigation__service-name"><span class="govuk-service-navigation__text">Live board</span></span>
      <nav aria-label="Views" class="govuk-service-navigation__wrapper">
        <ul class="govuk-service-navigation__list" id="navigation">
          ${allowed().map(v => `<li class="govuk-service-navigation__item${v.id === current ? ' govuk-service-navigation__item--active' : ''}">
            <a class="govuk-service-navigation__link" href="#${v.id}" data-view="${v.id}"${v.id === current ? ' aria-current="page"' : ''}>${
              v.id === current ? `<strong class="govuk-service-navigation__active-fallback">${esc(v.title)}</strong>` : esc(v.title)}</a></li>`).join('')}
        </ul>
      </nav>
    </div></div></section>
    <div class="govuk-width-container"><p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0" data-testid="signed-in-as">
      ${liveIndicator()}
      Signed in to ${esc(viewer!.localAuthorityName ?? `LA ${viewer!.tenant}`)} as ${esc(roleName(viewer!.role))}${
        viewer!.urn ? ` for ${esc(viewer!.settingName ?? viewer!.urn)}` : ''}.
      <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2" data-action="sign-out">Sign out</button></p></div>`;
  nav.querySelector('[data-action=sign-out]')!.addEventListener('click', () => void leave());
}

async function leave(): Promise<void> {
  token.clear();
  closeSocket();
  await signOut();
  location.hash = '';
  location.reload();
}

/** Signed in through the LA's provider, but the LA has granted nothing yet: say so, and who can help. */
function noAccessPage(session: Session): void {
  nav.innerHTML = '';
  document.title = 'No access yet – ApGrid live board';
  app.dataset.view = 'no-access';
  app.innerHTML = `<h1 class="govuk-heading-l">You do not have access yet</h1>
    <p class="govuk-body">You are signed in${session.email ? ` as <strong>${esc(session.email)}</strong>` : ''}, but your local authority has not given you access to ApGrid yet.</p>
    <p class="govuk-body">Ask your LA's ApGrid administrator to grant you a role. Then sign in again.</p>
    <button type="button" class="govuk-button govuk-button--secondary" data-action="sign-out">Sign out</button>`;
  app.querySelector('[data-action=sign-out]')!.addEventListener('click', () => void leave());
}

function route(): void {
  const id = currentId();
  const view = allowed().find(v => v.id === id);
  // Sign-in lands on the capacity board; a role without it (LA administrators) starts on its own first view.
  if (!view && id === 'capacity' && allowed().length) { location.replace('#' + allowed()[0].id); return; }
  unmount?.();
  unmount = null;
  renderNav();
  if (!view) {
    app.dataset.view = 'none';
    app.innerHTML = `<h1 class="govuk-heading-l">Not available</h1><p class="govuk-body">Your role cannot use this view.</p>`;
    return;
  }
  document.title = `${view.title} – ApGrid live board`;
  app.dataset.view = view.id;
  delete app.dataset.loaded;
  unmount = view.mount(app, viewer!);
}

async function signInPage(problem?: string): Promise<void> {
  nav.innerHTML = '';
  let config: BoardConfig = { devSignIn: false, tenants: [], providers: [] };
  try { config = await (await fetch('/board/config.json')).json(); } catch { /* no configuration: only what the page can offer without it */ }
  const paste = `
    <form data-region="paste" novalidate>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--m" for="token">Bearer token</label>
        <div class="govuk-hint" id="token-hint">The token your LA's identity provider issued for ApGrid. It is kept in this browser tab only.</div>
        <textarea class="govuk-textarea" id="token" name="token" rows="4" aria-describedby="token-hint" spellcheck="false"></textarea>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Use this token</button>
    </form>`;
  const dev = `
    <form data-region="dev" novalidate>
      <h2 class="govuk-heading-m">Development sign-in</h2>
      <div class="govuk-form-group">
        <label class="govuk-label" for="dev-tenant">Local authority</label>
        <select class="govuk-select" id="dev-tenant" name="tenant">${config.tenants.map(t => `<option value="${esc(t.code)}">${esc(t.name)}</option>`).join('')}</select>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="dev-role">Role</label>
        <select class="govuk-select" id="dev-role" name="role">${roles.map(r => `<option value="${r}">${roleName(r)}</option>`).join('')}</select>
      </div>
      <div class="govuk-form-group" data-region="setting" hidden>
        <label class="govuk-label" for="dev-urn">Setting</label>
        <select class="govuk-select" id="dev-urn" name="urn"></select>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
    </form>`;
  app.innerHTML = `<h1 class="govuk-heading-l">Sign in</h1>
    <div data-region="message">${problem ? errorSummary(problem) : ''}</div>
    ${(config.providers ?? []).map(la => `<p class="govuk-body"><a class="govuk-button govuk-!-margin-bottom-2" role="button" draggable="false" data-testid="sign-in-${esc(la.code)}"
      href="/auth/sign-in/${encodeURIComponent(la.code)}?returnTo=${encodeURIComponent('/#capacity')}">Sign in with your ${config.providers.length > 1 ? esc(la.name) : 'LA'} account</a></p>`).join('')}
    ${config.devSignIn ? dev + '<h2 class="govuk-heading-m">Or paste a token</h2>' + paste : ''}`;
  const message = app.querySelector<HTMLElement>('[data-region=message]')!;

  app.querySelector<HTMLFormElement>('[data-region=paste]')?.addEventListener('submit', event => {
    event.preventDefault();
    const value = (app.querySelector('#token') as HTMLTextAreaElement).value.trim().replace(/^Bearer\s+/i, '');
    if (!value) { message.innerHTML = errorSummary('Paste a token first.'); return; }
    token.set(value);
    location.reload();
  });

  const form = app.querySelector<HTMLFormElement>('[data-region=dev]');
  if (!form) return;
  const tenant = form.querySelector<HTMLSelectElement>('#dev-tenant')!;
  const role = form.querySelector<HTMLSelectElement>('#dev-role')!;
  const urn = form.querySelector<HTMLSelectElement>('#dev-urn')!;
  const settingGroup = form.querySelector<HTMLElement>('[data-region=setting]')!;

  // The setting list needs a token to read; in Development a short-lived LA token of the chosen tenant fetches it.
  const fillSettings = async (): Promise<void> => {
    const field = { SCHOOL_STAFF: 'schools', AP_STAFF: 'apSettings', SPECIAL_SCHOOL_STAFF: 'specialSchools' }[role.value];
    settingGroup.hidden = !field;
    if (!field) { urn.innerHTML = ''; return; }
    try {
      const la = await devToken(tenant.value, 'LA_OFFICER', null);
      const data = await gql<{ localAuthority: Record<string, { urn: string; name: string }[]> }>(`{ localAuthority { ${field} { urn name } } }`, undefined, la);
      urn.innerHTML = data.localAuthority[field].map(s => `<option value="${esc(s.urn)}">${esc(s.name)} (URN ${esc(s.urn)})</option>`).join('');
    } catch (error) {
      message.innerHTML = errorSummary(error);
    }
  };
  tenant.addEventListener('change', () => void fillSettings());
  role.addEventListener('change', () => void fillSettings());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      token.set(await devToken(tenant.value, role.value, settingGroup.hidden ? null : urn.value));
      location.hash = 'capacity';
      location.reload();
    } catch (error) {
      message.innerHTML = errorSummary(error);
    }
  });
}

async function devToken(tenant: string, role: string, urn: string | null): Promise<string> {
  const response = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant, role, urn }) });
  if (!response.ok) throw new Error(`/dev/token answered ${response.status}`);
  return (await response.json()).token;
}

void start();
