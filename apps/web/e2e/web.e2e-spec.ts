import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchBrowser, screenshot, seriousViolations, signIn, type AxeViolation } from './support/browser';
import { startHub, type RunningHub } from './support/hub';

const ROOT = resolve(__dirname, '..', '..', '..');
const WAIT = { timeout: 30_000 };

/**
 * The scenarios, in order, on one hub started as the README starts it: the portal as `allocataire-demo`
 * (Aurélie Vautrin), the console as the department's référent, its orientation team and the hub administrator.
 */
describe('the web portal and console in Chromium', () => {
  let hub: RunningHub;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let portal: Page;
  let adviser: Page;
  let adviserOrganisation = '';
  let fileUrl = '';

  const newPage = async (): Promise<Page> => {
    // A desktop window; the accessibility test also looks at a phone-sized one.
    const context = await browser.newContext({
      baseURL: hub.baseUrl,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    return page;
  };

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchBrowser();
  }, 420_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await hub?.stop();
  }, 60_000);

  it('should show the allocataire their own file when they sign in to the portal', async () => {
    portal = await newPage();
    await portal.goto('/portail/dossier');
    await signIn(portal, 'allocataire-demo');
    await portal.getByRole('heading', { level: 1, name: 'Mon dossier' }).waitFor();
    await portal.getByRole('heading', { level: 2, name: 'Mon droit au RSA' }).waitFor();
    const identity = portal.getByRole('region', { name: 'Mon identité et mon foyer' });
    await expectText(identity, /Aurélie/);
    await expectText(identity, /vautrin/i);
    // The next appointment with the référent: when, with whom.
    await expectText(
      portal.getByRole('region', { name: 'Mes prochains rendez-vous' }),
      /Avec Conseil départemental de la Haute-Marne, Julien Collin/,
    );
    await screenshot(portal, 'portail-mon-dossier');
  });

  it('should let the référent find and read that file in the console', async () => {
    adviser = await newPage();
    await adviser.goto('/console/accueil');
    await signIn(adviser, 'cd52-referent');
    const greeting = await adviser.getByText(/^Bonjour /).textContent();
    adviserOrganisation = /, (.+)\.$/.exec(greeting ?? '')?.[1] ?? '';
    expect(adviserOrganisation).not.toBe('');
    const portfolio = adviser.getByRole('table', { name: /personne\(s\) suivie\(s\)/ });
    await portfolio.getByRole('link', { name: /vautrin/i }).waitFor();
    await adviser.getByLabel('Nom', { exact: true }).fill('Vautrin');
    await adviser.getByLabel('Date de naissance').fill('1986-09-14');
    await adviser.getByRole('button', { name: 'Rechercher' }).click();
    // The search result (the portfolio above names the same person).
    await adviser.getByRole('link', { name: /vautrin.*né·e le 14 septembre 1986/i }).click();
    await adviser.getByRole('heading', { level: 1, name: /vautrin/i }).waitFor();
    await adviser.getByRole('heading', { level: 2, name: 'Diagnostic socio-professionnel' }).waitFor();
    fileUrl = adviser.url();
    await screenshot(adviser, 'console-dossier');
  });

  it('should show that read to the allocataire in « Qui a consulté mon dossier »', async () => {
    await portal.getByRole('link', { name: 'Qui a consulté mon dossier' }).first().click();
    const rows = portal.getByRole('table', { name: 'Consultations de votre dossier' }).locator('tbody tr');
    const read = rows.filter({ hasText: adviserOrganisation }).filter({ hasText: /accompagner/i });
    await read.first().waitFor();
    await screenshot(portal, 'portail-consultations');
  });

  it('should let the allocataire correct their phone number, which the référent then reads', async () => {
    await portal.getByRole('link', { name: 'Mes coordonnées' }).first().click();
    const form = portal.getByRole('form', { name: 'Corriger mes coordonnées' });
    await form.getByRole('textbox', { name: /^Téléphone/ }).fill('06 12 34 56 78');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await portal.getByText('Vos coordonnées sont enregistrées').waitFor();
    await portal.getByText('Merci, c’est à jour.').waitFor();

    await adviser.goto(fileUrl);
    await expectText(adviser.getByRole('region', { name: 'Identité et contact' }), /0612345678/);
  });

  it('should let the allocataire ask for a correction that the référent accepts, which corrects their file', async () => {
    const message = 'Mon deuxième prénom s’écrit Marie-Anne, avec un trait d’union.';
    const form = portal.getByRole('form', { name: 'Une autre information est fausse ?' });
    await form.getByLabel('Ce qui est faux', { exact: true }).selectOption('IDENTITY');
    await form.getByLabel('L’information à corriger').selectOption('firstNames');
    await form.getByRole('textbox', { name: /^La bonne valeur/ }).fill('Aurélie Marie-Anne');
    await form.getByRole('textbox', { name: /^Votre message/ }).fill(message);
    await form.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await portal.getByText('Votre demande est envoyée').waitFor();
    const mine = portal.getByRole('region', { name: 'Mes demandes de correction' }).getByRole('listitem');
    await mine.filter({ hasText: message }).filter({ hasText: 'en attente' }).waitFor();

    await adviser.goto(fileUrl);
    const request = adviser
      .getByRole('region', { name: 'Demandes de correction' })
      .getByRole('article')
      .filter({ hasText: message });
    await expectText(request, /Prénoms : Aurélie Marie-Anne/);
    await request.getByRole('textbox', { name: /^Réponse à la personne/ }).fill('C’est corrigé, merci.');
    await request.getByRole('button', { name: 'Accepter et corriger le dossier' }).click();
    await request.getByText('acceptée', { exact: true }).waitFor();
    const identity = adviser.getByRole('region', { name: 'Identité et contact' });
    await expectText(identity, /Aurélie Marie-Anne/);
    await identity.getByText(/^Historique des valeurs/).click();
    await expectText(identity, /firstNames : .*Marie-Anne.*déclaration de la personne, correction acceptée/);

    await portal.reload();
    await mine
      .filter({ hasText: message })
      .filter({ hasText: 'acceptée' })
      .filter({ hasText: 'Votre demande a été acceptée, votre dossier est corrigé' })
      .filter({ hasText: 'C’est corrigé, merci.' })
      .waitFor();
    await screenshot(portal, 'portail-mes-coordonnees');
    await portal.getByRole('link', { name: 'Mon dossier' }).first().click();
    await expectText(portal.getByRole('region', { name: 'Mon identité et mon foyer' }), /Aurélie Marie-Anne/);
  });

  it('should mask an opposed category in the adviser’s next view of the file', async () => {
    await portal.getByRole('link', { name: 'Mes choix' }).first().click();
    await portal.getByRole('heading', { level: 2, name: 'Je refuse un partage' }).waitFor();
    const opposition = portal
      .getByRole('region', { name: 'Je refuse un partage' })
      .getByRole('checkbox')
      .first();
    expect(await opposition.isChecked()).toBe(false);
    await opposition.check({ force: true });
    await portal.getByText('Votre choix est enregistré').waitFor();
    expect(await opposition.isChecked()).toBe(true);
    await screenshot(portal, 'portail-mes-choix');

    await adviser.goto(fileUrl);
    await adviser.getByRole('heading', { level: 1, name: /vautrin/i }).waitFor();
    await adviser.locator('[data-masked="true"]', { hasText: 's’est opposée' }).first().waitFor();
    await screenshot(adviser, 'console-dossier-opposition');
  });

  it('should let the orientation team orient a new entrant from its queue', async () => {
    const team = await newPage();
    await team.goto('/console/nouveaux-entrants');
    await signIn(team, 'cd52-orientation');
    const queue = team.getByRole('table');
    await queue.waitFor();
    await screenshot(team, 'console-nouveaux-entrants');
    const first = queue.locator('tbody tr').first().getByRole('link');
    const name = (await first.textContent()) ?? '';
    await first.click();
    await team.getByRole('heading', { level: 1, name }).waitFor();
    await expectText(team.getByTestId('orientation-courante'), /Pas encore orientée/);

    await team.getByLabel('Type d’orientation').selectOption({ index: 1 });
    const structure = team.getByLabel('Structure qui accompagne');
    await structure.locator('option').nth(1).waitFor({ state: 'attached' });
    await structure.selectOption({ index: 1 });
    await team.getByRole('button', { name: 'Enregistrer l’orientation' }).click();
    await team.getByText('Orientation enregistrée').waitFor();
    await team.getByTestId('orientation-courante').filter({ hasNotText: 'Pas encore orientée' }).waitFor();

    await team.goto('/console/nouveaux-entrants');
    await queue.waitFor();
    expect(await queue.getByRole('link', { name, exact: true }).count()).toBe(0);
  });

  it('should let the référent draft, sign and follow a CER that the allocataire then sees', async () => {
    const objective = 'Trouver un logement stable (test de bout en bout)';
    await adviser.goto(fileUrl);
    const form = adviser.getByRole('form', { name: 'Préparer un CER' });
    await form.getByLabel('Thème de l’objectif').locator('option').nth(1).waitFor({ state: 'attached' });
    await form.getByLabel('Thème de l’objectif').selectOption({ index: 1 });
    await form.getByLabel('Objectif', { exact: true }).fill(objective);
    await form.getByRole('textbox', { name: /^Action/ }).fill('Rendez-vous avec l’assistante sociale');
    await form.getByRole('button', { name: 'Créer le brouillon' }).click();

    const contract = adviser.getByRole('article').filter({ hasText: objective });
    await contract.getByText('en préparation').waitFor();
    await contract.getByLabel('La personne est d’accord avec ce contrat').check({ force: true });
    await contract.getByRole('button', { name: 'Signer le contrat' }).click();
    await contract.getByText(/signé le/).waitFor();
    await adviser
      .getByRole('region', { name: 'Parcours' })
      .getByText(/Contrat d’engagement réciproque \(CER\) signé/)
      .first()
      .waitFor();
    await screenshot(adviser, 'console-cer-signe');

    // Follow-up of the signed contract: statuses appended, the signed text unchanged.
    const action = 'Rendez-vous avec l’assistante sociale';
    await contract.getByLabel(`Suivi de l’action « ${action} »`).selectOption('done');
    await contract
      .locator(`[data-action="${action}"]`)
      .filter({ hasText: /, faite/ })
      .waitFor();
    await contract.getByLabel(`Suivi de l’objectif « ${objective} »`).selectOption('reached');
    await contract.getByRole('heading', { level: 4, name: `${objective} atteint` }).waitFor();
    await screenshot(adviser, 'console-cer-suivi');

    await portal.getByRole('link', { name: 'Mon dossier' }).first().click();
    const mine = portal
      .getByRole('region', { name: 'Mon contrat' })
      .getByRole('article')
      .filter({ hasText: objective });
    await expectText(mine, /Contrat d’engagement réciproque \(CER\)/);
    await expectText(mine, /Signé le/);
    await expectText(mine, /objectif atteint/);
    await expectText(mine, /Rendez-vous avec l’assistante sociale — faite/);
  });

  it('should let an agent upload a CAF flux and watch it complete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spie-e2e-flux-'));
    const flux = join(dir, 'flux-caf-e2e.xml');
    try {
      execFileSync(
        process.execPath,
        [
          '-r',
          join(ROOT, 'bin', 'register.js'),
          join(ROOT, 'tools', 'bench', 'generate-caf-flux.ts'),
          '--foyers',
          '60',
          '--out',
          flux,
          '--matricule-offset',
          '7000000',
          '--seed',
          '5',
        ],
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      // The orientation team sends the CAF flux the department receives (its transmission habilitation, L.262-40);
      // an administrator acts for no purpose and sends no file.
      const team = await newPage();
      await team.goto('/console/imports');
      await signIn(team, 'cd52-orientation');
      await team.getByLabel('Type de fichier').selectOption('caf-msa');
      await team.locator('input[type="file"]').setInputFiles(flux);
      await team.getByRole('button', { name: 'Envoyer' }).click();
      await team.waitForURL(/\/console\/imports\/[0-9a-f-]{36}$/);
      await team.getByRole('progressbar').waitFor();
      await team.locator('[data-status="COMPLETED"]').waitFor({ timeout: 150_000 });
      expect(await team.getByRole('progressbar').getAttribute('value')).toBe('100');
      await screenshot(team, 'console-import-termine');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should have no serious or critical accessibility violation on any portal page', async () => {
    const found: Record<string, AxeViolation[]> = {};
    const visitor = await newPage();
    await visitor.goto('/portail/dossier');
    await visitor.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    found['/portail (connexion)'] = await seriousViolations(visitor);

    const pages: Array<[string, string]> = [
      ['/portail/dossier', 'Mon dossier'],
      ['/portail/consultations', 'Qui a consulté mon dossier'],
      ['/portail/choix', 'Mes choix'],
      ['/portail/coordonnees', 'Mes coordonnées'],
      ['/portail/aide', 'Aide'],
      ['/portail/aide/rsa', 'Le RSA'],
      ['/portail/aide/orientation', 'L’orientation'],
      ['/portail/aide/contrat', 'Le contrat d’engagement'],
      ['/portail/aide/droits', 'Vos droits sur vos données'],
    ];
    for (const [path, title] of pages) {
      await portal.goto(path);
      await portal.getByRole('heading', { level: 1, name: title }).waitFor();
      await portal.getByText('Chargement…').waitFor({ state: 'detached' });
      found[path] = await seriousViolations(portal);
    }
    await portal.setViewportSize({ width: 390, height: 844 });
    await portal.goto('/portail/dossier');
    await portal.getByRole('heading', { level: 2, name: 'Mon droit au RSA' }).waitFor();
    found['/portail/dossier (téléphone)'] = await seriousViolations(portal);
    await screenshot(portal, 'portail-mon-dossier-telephone');

    expect(
      Object.fromEntries(Object.entries(found).filter(([, violations]) => violations.length > 0)),
    ).toEqual({});
  });
});

async function expectText(locator: ReturnType<Page['locator']>, pattern: RegExp): Promise<void> {
  await locator.filter({ hasText: pattern }).first().waitFor();
}
