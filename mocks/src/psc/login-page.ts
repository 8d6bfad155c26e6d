/** HTML pages of the PSC simulator (French, accessible, no script but the logout auto-submit). */
import type { Persona } from './personas';

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Simulateur Pro Santé Connect</title>
<style>
body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#161616}
h1{font-size:1.6rem}.note{background:#fff4d4;border-left:4px solid #b34000;padding:.5rem 1rem}
ul{list-style:none;padding:0}li{margin:.5rem 0}
button{font:inherit;text-align:left;width:100%;padding:.75rem 1rem;border:1px solid #3a3a3a;background:#f6f6f6;cursor:pointer}
button:hover,button:focus{background:#e3e3fd;outline:3px solid #000091}
.desc{display:block;font-size:.875rem;color:#3a3a3a}.refuse button{border-color:#ce0500}
</style></head><body><main>${body}</main></body></html>`;
}

export function loginPage(actionPath: string, personas: readonly Persona[]): string {
  const items = personas
    .map(
      (p) => `<li><form method="post" action="${escapeHtml(actionPath)}/login">
<input type="hidden" name="persona" value="${escapeHtml(p.id)}">
<button type="submit" data-persona="${escapeHtml(p.id)}">${escapeHtml(p.label)}<span class="desc">${escapeHtml(p.description)}</span></button>
</form></li>`,
    )
    .join('\n');
  return page(
    'Choisir une identité de test',
    `<h1>Simulateur Pro Santé Connect</h1>
<p class="note">Environnement de test : aucune carte n’est lue. Choisissez le professionnel de santé à simuler.</p>
<h2>Identités de test</h2>
<ul>${items}</ul>
<h2>Refus par Pro Santé Connect</h2>
<ul class="refuse"><li><form method="post" action="${escapeHtml(actionPath)}/refuse">
<button type="submit" data-persona="carte-revoquee">Carte CPS révoquée ou expirée<span class="desc">Pro Santé Connect refuse la connexion (erreur access_denied).</span></button>
</form></li></ul>`,
  );
}

export function logoutPage(form: string): string {
  return page(
    'Déconnexion',
    `<h1>Déconnexion de Pro Santé Connect</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button>
<script>document.getElementById('op.logoutForm').insertAdjacentHTML('beforeend','<input type="hidden" name="logout" value="yes">');document.getElementById('op.logoutForm').submit();</script>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}
