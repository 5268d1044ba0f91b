import { fr } from '@codegouvfr/react-dsfr';
import type { ReactNode } from 'react';

import type { MaskedField } from './graphql';

/** Why a field is hidden, in plain French (the reasons of `extensions.access.masked`). */
export const MASK_REASONS: Record<string, string> = {
  not_habilitated: 'votre habilitation pour ce motif ne couvre pas ces données',
  two_factor_required: 'données sensibles : connectez-vous avec la double authentification',
  consent_required: 'données de santé : partagées seulement avec l’accord de la personne',
  opposition: 'la personne s’est opposée au partage de ces données avec votre structure',
};

/** The masked fields whose path is `path` or lies below it (`person.diagnostic` covers `person.diagnostic.themes[x]`). */
export function maskedUnder(masked: readonly MaskedField[], path: string): MaskedField[] {
  return masked.filter(
    (m) => m.path === path || m.path.startsWith(`${path}.`) || m.path.startsWith(`${path}[`),
  );
}

/** « masqué » with its reason, where a value would be. */
export function MaskedNotice({ fields }: { fields: readonly MaskedField[] }) {
  const reasons = [...new Set(fields.map((f) => MASK_REASONS[f.reason] ?? f.explanation ?? f.reason))];
  return (
    <p className={fr.cx('fr-badge', 'fr-badge--warning', 'fr-badge--no-icon', 'fr-mb-1w')} data-masked="true">
      masqué — {reasons.join(' ; ')}
    </p>
  );
}

/** Shows `children`, or « masqué » with the reason when the access layer masked the field at `path`. */
export function MaskedOr({
  masked,
  path,
  children,
}: {
  masked: readonly MaskedField[];
  path: string;
  children: ReactNode;
}) {
  const fields = masked.filter((m) => m.path === path);
  return fields.length ? <MaskedNotice fields={fields} /> : <>{children}</>;
}
