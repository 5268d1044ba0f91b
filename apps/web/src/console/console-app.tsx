import { Route, Routes } from 'react-router-dom';

import { Layout } from '../shared/layout';
import { SessionProvider } from '../shared/session';
import { RequireSignIn, SignInCallback } from '../shared/sign-in';
import { CONSOLE } from './console-name';
import { ConflictsPage } from './conflicts.page';
import { HomePage } from './home.page';
import { ImportBatchPage, ImportsPage } from './imports.page';
import { NewEntrantsPage } from './new-entrants.page';
import { PersonFilePage } from './person-file.page';

const NAV = [
  { text: 'Accueil', to: '/console/accueil' },
  { text: 'Nouveaux entrants', to: '/console/nouveaux-entrants' },
  { text: 'Imports', to: '/console/imports' },
  { text: 'Identités à vérifier', to: '/console/conflits' },
];

/** The agents' console: every screen shows only what the access layer lets the agent see. */
export function ConsoleApp() {
  return (
    <SessionProvider face="console">
      <Layout
        serviceTitle={CONSOLE}
        serviceTagline="Orienter, accompagner, contractualiser"
        home="/console/accueil"
        nav={NAV}
      >
        <Routes>
          <Route path="connexion" element={<SignInCallback />} />
          <Route
            path="*"
            element={
              <RequireSignIn>
                <Routes>
                  <Route path="nouveaux-entrants" element={<NewEntrantsPage />} />
                  <Route path="personnes/:id" element={<PersonFilePage />} />
                  <Route path="imports" element={<ImportsPage />} />
                  <Route path="imports/:id" element={<ImportBatchPage />} />
                  <Route path="conflits" element={<ConflictsPage />} />
                  <Route path="*" element={<HomePage />} />
                </Routes>
              </RequireSignIn>
            }
          />
        </Routes>
      </Layout>
    </SessionProvider>
  );
}
