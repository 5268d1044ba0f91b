import { fr } from '@codegouvfr/react-dsfr';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

import { useSession } from './session';

export interface NavItem {
  text: string;
  to: string;
}

const BRAND = (
  <>
    République
    <br />
    Française
  </>
);

/**
 * The frame of every page: skip links, DSFR header with the face's navigation, one `main` landmark that receives the
 * focus after each navigation (so that a screen reader starts at the new page), the DSFR footer.
 */
export function Layout({
  serviceTitle,
  serviceTagline,
  home,
  nav,
  children,
}: {
  serviceTitle: string;
  serviceTagline: string;
  home: string;
  nav: NavItem[];
  children: ReactNode;
}) {
  const { session, signOut } = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: '#contenu' },
          { label: 'Menu', anchor: '#menu-principal' },
          { label: 'Pied de page', anchor: '#fr-footer' },
        ]}
      />
      <Header
        brandTop={BRAND}
        serviceTitle={serviceTitle}
        serviceTagline={serviceTagline}
        homeLinkProps={{ to: home, title: `Accueil — ${serviceTitle}` }}
        id="menu-principal"
        quickAccessItems={
          session
            ? [
                {
                  iconId: 'fr-icon-logout-box-r-line',
                  text: 'Se déconnecter',
                  buttonProps: { onClick: signOut },
                },
              ]
            : []
        }
        navigation={
          session
            ? nav.map((item) => ({
                text: item.text,
                linkProps: { to: item.to },
                isActive: location.pathname === item.to || location.pathname.startsWith(`${item.to}/`),
              }))
            : undefined
        }
      />
      <main
        id="contenu"
        tabIndex={-1}
        ref={main}
        className={fr.cx('fr-container', 'fr-py-4w')}
        style={{ outline: 'none' }}
      >
        {children}
      </main>
      <Footer
        accessibility="partially compliant"
        contentDescription="Le service public de l’insertion et de l’emploi (SPIE) partage votre dossier entre le département, France Travail, la mission locale et la CAF, pour que vous n’ayez à le dire qu’une fois."
        bottomItems={[{ text: 'Aide', linkProps: { to: '/portail/aide' } }]}
      />
    </>
  );
}
