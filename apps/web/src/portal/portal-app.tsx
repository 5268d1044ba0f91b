import { Route, Routes } from 'react-router-dom';

import { Layout } from '../shared/layout';
import { SessionProvider } from '../shared/session';
import { RequireSignIn, SignInCallback } from '../shared/sign-in';
import { AccessLogPage } from './access-log.page';
import { HelpPage, HelpTopicPage } from './help.page';
import { MyChoicesPage } from './my-choices.page';
import { MyContactPage } from './my-contact.page';
import { MyFilePage } from './my-file.page';

import { PORTAL } from './portal-name';

const NAV = [
  { text: 'Mon dossier', to: '/portail/dossier' },
  { text: 'Qui a consulté mon dossier', to: '/portail/consultations' },
  { text: 'Mes choix', to: '/portail/choix' },
  { text: 'Mes coordonnées', to: '/portail/coordonnees' },
  { text: 'Aide', to: '/portail/aide' },
];

/** The person's portal: their own file, who read it, their choices, their contact details, help in plain words. */
export function PortalApp() {
  return (
    <SessionProvider face="portail">
      <Layout
        serviceTitle={PORTAL}
        serviceTagline="Votre dossier RSA et votre accompagnement, au même endroit"
        home="/portail"
        nav={NAV}
      >
        <Routes>
          <Route path="connexion" element={<SignInCallback />} />
          <Route path="aide" element={<HelpPage />} />
          <Route path="aide/:topic" element={<HelpTopicPage />} />
          <Route
            path="consultations"
            element={
              <RequireSignIn>
                <AccessLogPage />
              </RequireSignIn>
            }
          />
          <Route
            path="choix"
            element={
              <RequireSignIn>
                <MyChoicesPage />
              </RequireSignIn>
            }
          />
          <Route
            path="coordonnees"
            element={
              <RequireSignIn>
                <MyContactPage />
              </RequireSignIn>
            }
          />
          <Route
            path="*"
            element={
              <RequireSignIn>
                <MyFilePage />
              </RequireSignIn>
            }
          />
        </Routes>
      </Layout>
    </SessionProvider>
  );
}
