import { gql } from '../api';
import { banner, date, errorSummary, esc } from '../html';
import { noteUpdated } from '../live';
import type { View } from '../view';
import { roleName, roles } from '../words';

interface Grant { id: string; email: string | null; subject: string | null; role: string; urn: string | null; expiresOn: string | null; grantedBy: string; grantedAt: string }
interface Change { at: string; by: string; kind: string; grant: Grant }
interface ApiKey { id: string; name: string; expiresAt: string | null; lastUsedAt: string | null; revokedAt: string | null; replacedBy: string | null }

const kindNames: Record<string, string> = { GRANTED: 'Granted', CHANGED: 'Changed', REVOKED: 'Revoked' };
interface Setting { urn: string; name: string }
interface Settings { schools: Setting[]; apSettings: Setting[]; specialSchools: Setting[] }
/** Which list of the LA's settings a role is granted for. */
const settingsOf: Record<string, keyof Settings> = { SCHOOL_STAFF: 'schools', AP_STAFF: 'apSettings', SPECIAL_SCHOOL_STAFF: 'specialSchools' };
const grantFields = 'id email subject role urn expiresOn grantedBy grantedAt';

const who = (g: Grant): string => esc(g.email ?? g.subject ?? '');

function keyState(k: ApiKey): string {
  if (k.revokedAt) return `Revoked ${date(k.revokedAt)}`;
  if (k.expiresAt && new Date(k.expiresAt) <= new Date()) return `Expired ${date(k.expiresAt)}`;
  return k.expiresAt ? `Until ${date(k.expiresAt)}${k.replacedBy ? ` (replaced by ${esc(k.replacedBy)})` : ''}` : 'Live';
}

function keysSection(keys: ApiKey[]): string {
  const rows = keys.map(k => {
    const live = !k.revokedAt && (!k.expiresAt || new Date(k.expiresAt) > new Date());
    return `<tr class="govuk-table__row" data-key="${esc(k.id)}">
    <td class="govuk-table__cell">${esc(k.name)} <span class="govuk-hint govuk-!-display-inline">${esc(k.id)}</span></td>
    <td class="govuk-table__cell">${keyState(k)}</td><td class="govuk-table__cell">${k.lastUsedAt ? date(k.lastUsedAt) : 'Never'}</td>
    <td class="govuk-table__cell">${live ? `<button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-rotate="${esc(k.id)}">Rotate<span class="govuk-visually-hidden"> ${esc(k.name)}</span></button>
      <button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-revoke-key="${esc(k.id)}">Revoke<span class="govuk-visually-hidden"> ${esc(k.name)}</span></button>` : ''}</td></tr>`;
  }).join('');
  return `<h2 class="govuk-heading-m">API keys</h2>
    <p class="govuk-body">Partner systems call ApGrid with a key. A new key is shown once; rotating keeps the old one working for 24 hours.</p>
    <div data-region="secret"></div>
    <table class="govuk-table" data-testid="api-keys">
      <caption class="govuk-table__caption govuk-table__caption--s">Keys</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">State</th>
        <th scope="col" class="govuk-table__header">Last used</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th></tr></thead>
      <tbody class="govuk-table__body">${rows || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">No keys yet.</td></tr>'}</tbody></table>
    <form data-testid="key-form" novalidate>
      <div class="govuk-form-group"><label class="govuk-label" for="key-name">Name of the partner system</label>
        <input class="govuk-input govuk-!-width-one-half" id="key-name" name="name" autocomplete="off"></div>
      <div class="govuk-form-group"><label class="govuk-label" for="key-expires">Last day the key works (optional)</label>
        <input class="govuk-input govuk-input--width-10" id="key-expires" name="expiresOn" type="date"></div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Create key</button>
    </form>`;
}

function shownOnce(name: string, secret: string): string {
  return `<div class="govuk-inset-text" data-testid="new-secret">
    <h3 class="govuk-heading-s">Key for ${esc(name)}</h3>
    <p class="govuk-body">Copy it now: it will not be shown again.</p>
    <code class="app-secret">${esc(secret)}</code></div>`;
}

function page(grants: Grant[], history: Change[], keys: ApiKey[], names: Map<string, string>): string {
  // A setting by its name; the URN stays beside it because that is what GIAS and the DfE's returns use.
  const setting = (urn: string | null): string => urn ? `${esc(names.get(urn) ?? 'A setting no longer listed')} <span class="govuk-body-s">(URN ${esc(urn)})</span>` : '';
  const rows = grants.map(g => `<tr class="govuk-table__row" data-grant="${esc(g.id)}">
    <td class="govuk-table__cell">${who(g)}</td><td class="govuk-table__cell">${esc(roleName(g.role))}</td>
    <td class="govuk-table__cell">${setting(g.urn)}</td><td class="govuk-table__cell">${g.expiresOn ? date(g.expiresOn) : 'Until revoked'}</td>
    <td class="govuk-table__cell">${esc(g.grantedBy)}</td>
    <td class="govuk-table__cell"><button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-revoke="${esc(g.id)}">Revoke<span class="govuk-visually-hidden"> ${who(g)}</span></button></td></tr>`).join('');
  const changes = history.map(c => `<li>${date(c.at)}: ${esc(kindNames[c.kind] ?? c.kind)} ${esc(roleName(c.grant.role))}${c.grant.urn ? ` for ${setting(c.grant.urn)}` : ''} — ${who(c.grant)}, by ${esc(c.by)}</li>`).join('');
  return `<h1 class="govuk-heading-l">Access</h1>
    <p class="govuk-body">Who may use ApGrid in your local authority. People sign in with their LA account; what they may do is granted here.</p>
    <div data-region="message"></div>
    <table class="govuk-table" data-testid="grants">
      <caption class="govuk-table__caption govuk-table__caption--m">People with access</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Person</th><th scope="col" class="govuk-table__header">Role</th>
        <th scope="col" class="govuk-table__header">Setting</th><th scope="col" class="govuk-table__header">Until</th><th scope="col" class="govuk-table__header">Granted by</th>
        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th></tr></thead>
      <tbody class="govuk-table__body">${rows || '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="6">Nobody yet.</td></tr>'}</tbody></table>
    <h2 class="govuk-heading-m">Grant access</h2>
    <form data-testid="grant-form" novalidate>
      <div class="govuk-form-group"><label class="govuk-label" for="grant-email">Email address</label>
        <input class="govuk-input govuk-!-width-one-half" id="grant-email" name="email" type="email" spellcheck="false" autocomplete="off"></div>
      <div class="govuk-form-group"><label class="govuk-label" for="grant-role">Role</label>
        <select class="govuk-select" id="grant-role" name="role">${roles.map(r => `<option value="${r}">${esc(roleName(r))}</option>`).join('')}</select></div>
      <div class="govuk-form-group" data-region="urn" hidden><label class="govuk-label" for="grant-urn">Setting</label>
        <select class="govuk-select" id="grant-urn" name="urn"></select></div>
      <div class="govuk-form-group"><label class="govuk-label" for="grant-expires">Last day of access (optional)</label>
        <input class="govuk-input govuk-input--width-10" id="grant-expires" name="expiresOn" type="date"></div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Grant access</button>
    </form>
    <h2 class="govuk-heading-m">History</h2>
    <ul class="govuk-list" data-testid="access-history">${changes || '<li>Nothing yet.</li>'}</ul>
    ${keysSection(keys)}`;
}

/** The LA administrator's page: grant, change and revoke access; every change is kept in the history below. */
export const accessView: View = {
  id: 'access',
  title: 'Access',
  roles: ['LA_ADMIN'],
  mount(root) {
    let disposed = false;
    const load = async (notice?: string, secret?: string): Promise<void> => {
      try {
        const data = await gql<{ accessGrants: Grant[]; accessHistory: Change[]; apiKeys: ApiKey[]; localAuthority: Settings }>(
          `{ accessGrants { ${grantFields} } accessHistory(limit: 20) { at by kind grant { ${grantFields} } } apiKeys { id name expiresAt lastUsedAt revokedAt replacedBy }
             localAuthority { schools { urn name } apSettings { urn name } specialSchools { urn name } } }`);
        if (disposed) return;
        const settings = data.localAuthority;
        const names = new Map([...settings.schools, ...settings.apSettings, ...settings.specialSchools].map(s => [s.urn, s.name]));
        root.innerHTML = page(data.accessGrants, data.accessHistory, data.apiKeys, names);
        if (notice) root.querySelector('[data-region=message]')!.innerHTML = banner('Done', notice, true);
        if (secret) root.querySelector('[data-region=secret]')!.innerHTML = secret;
        wire(settings);
        wireKeys();
        root.dataset.loaded = String(Date.now());
        noteUpdated();
      } catch (error) {
        if (!disposed) root.innerHTML = errorSummary(error);
      }
    };
    const wire = (settings: Settings): void => {
      const form = root.querySelector<HTMLFormElement>('[data-testid=grant-form]')!;
      const role = form.querySelector<HTMLSelectElement>('#grant-role')!;
      const urnGroup = form.querySelector<HTMLElement>('[data-region=urn]')!;
      const urn = form.querySelector<HTMLSelectElement>('#grant-urn')!;
      const showUrn = (): void => {
        const list = settingsOf[role.value];
        urnGroup.hidden = !list;
        urn.innerHTML = list ? [...settings[list]].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
          .map(s => `<option value="${esc(s.urn)}">${esc(s.name)} (URN ${esc(s.urn)})</option>`).join('') : '';
      };
      role.addEventListener('change', showUrn);
      showUrn();
      form.addEventListener('submit', async event => {
        event.preventDefault();
        const value = (name: string): string => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
        const input = {
          email: value('email'), role: role.value,
          ...(urnGroup.hidden ? {} : { urn: value('urn') }),
          ...(value('expiresOn') ? { expiresOn: value('expiresOn') } : {}),
        };
        try {
          await gql(`mutation($input: GrantAccessInput!) { grantAccess(input: $input) { id } }`, { input });
          await load(`${input.email} now has the role ${roleName(input.role)}.`);
        } catch (error) {
          root.querySelector('[data-region=message]')!.innerHTML = errorSummary(error);
        }
      });
      root.querySelectorAll<HTMLButtonElement>('[data-revoke]').forEach(button => button.addEventListener('click', async () => {
        try {
          await gql(`mutation($id: ID!) { revokeAccess(id: $id) { id } }`, { id: button.dataset.revoke });
          await load('Access revoked. The person is refused from their next request.');
        } catch (error) {
          root.querySelector('[data-region=message]')!.innerHTML = errorSummary(error);
        }
      }));
    };
    const wireKeys = (): void => {
      const fail = (error: unknown): void => { root.querySelector('[data-region=secret]')!.innerHTML = errorSummary(error); };
      const form = root.querySelector<HTMLFormElement>('[data-testid=key-form]')!;
      form.addEventListener('submit', async event => {
        event.preventDefault();
        const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
        const expiresOn = (form.elements.namedItem('expiresOn') as HTMLInputElement).value || null;
        try {
          const made = await gql<{ createApiKey: { secret: string } }>(
            'mutation($name: String!, $expiresOn: Date) { createApiKey(name: $name, expiresOn: $expiresOn) { secret } }', { name, expiresOn });
          await load(undefined, shownOnce(name, made.createApiKey.secret));
        } catch (error) { fail(error); }
      });
      root.querySelectorAll<HTMLButtonElement>('[data-rotate]').forEach(button => button.addEventListener('click', async () => {
        try {
          const made = await gql<{ rotateApiKey: { key: { name: string }; secret: string } }>(
            'mutation($id: ID!) { rotateApiKey(id: $id, overlapHours: 24) { key { name } secret } }', { id: button.dataset.rotate });
          await load(undefined, shownOnce(made.rotateApiKey.key.name, made.rotateApiKey.secret));
        } catch (error) { fail(error); }
      }));
      root.querySelectorAll<HTMLButtonElement>('[data-revoke-key]').forEach(button => button.addEventListener('click', async () => {
        try {
          await gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: button.dataset.revokeKey });
          await load('Key revoked. It is refused from its next request.');
        } catch (error) { fail(error); }
      }));
    };
    void load();
    return () => { disposed = true; };
  },
};
