import { fr } from '@codegouvfr/react-dsfr';
import type { ReactNode } from 'react';

/**
 * A DSFR table whose scrolling container (narrow screens) can be reached and scrolled with the keyboard
 * (axe `scrollable-region-focusable`, RGAA 7.3): the container is focusable and named by the caption.
 */
export function Table({
  caption,
  hideCaption = false,
  children,
}: {
  caption: string;
  hideCaption?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={fr.cx('fr-table', hideCaption && 'fr-table--no-caption')}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" tabIndex={0} role="region" aria-label={caption}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
