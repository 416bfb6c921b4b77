import { html, page } from './html.js';

export interface LoginPageModel {
  action: string;
  abort: string;
  clientName: string;
  email?: string;
  error?: string;
}

export function loginPage(model: LoginPageModel): string {
  return page(
    'Sign in',
    html`<h1>Sign in</h1>
      <p class="lead">to continue to <strong>${model.clientName}</strong></p>
      ${model.error ? html`<div class="error" role="alert">${model.error}</div>` : ''}
      <form method="post" action="${model.action}" autocomplete="on">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" required autofocus autocomplete="username" value="${model.email ?? ''}">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" required autocomplete="current-password">
        <button type="submit">Sign in</button>
      </form>
      <form method="post" action="${model.abort}"><button class="secondary" type="submit">Cancel</button></form>`,
  );
}

export interface OrganizationChoice {
  membershipId: string;
  organizationName: string;
  tenantSlug: string;
  role: string;
}

export interface ConfirmPageModel {
  action: string;
  abort: string;
  clientName: string;
  choices: OrganizationChoice[];
  /** Scopes to consent to; null when the client needs no consent (organization choice only). */
  scopes: string[] | null;
  error?: string;
}

/** Organization choice (several memberships) and/or consent (clients that need it), in one step. */
export function confirmPage({ action, abort, clientName, choices, scopes, error }: ConfirmPageModel): string {
  const several = choices.length > 1;
  return page(
    scopes ? 'Allow access' : 'Choose an organization',
    html`<h1>${scopes ? 'Allow access?' : 'Choose an organization'}</h1>
      ${error ? html`<div class="error" role="alert">${error}</div>` : ''}
      <p class="lead">${several ? 'Which organization do you use for ' : 'Continue to '}<strong>${clientName}</strong>${several ? '?' : ` as a member of ${choices[0].organizationName}.`}</p>
      <form method="post" action="${action}">
        ${choices.map(
          (choice, index) => html`<label class="choice">
            <input type="radio" name="membershipId" value="${choice.membershipId}" ${index === 0 ? html`checked` : ''}>
            <span>${choice.organizationName}<small>${choice.tenantSlug} · ${choice.role}</small></span>
          </label>`,
        )}
        ${scopes ? html`<p>${clientName} will be able to:</p><ul class="scopes">${scopes.map((scope) => html`<li>${scope}</li>`)}</ul>` : ''}
        <button type="submit">${scopes ? 'Allow' : 'Continue'}</button>
      </form>
      <form method="post" action="${abort}"><button class="secondary" type="submit">${scopes ? 'Deny' : 'Cancel'}</button></form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, html`<h1>${title}</h1><p class="lead">${message}</p>`);
}
