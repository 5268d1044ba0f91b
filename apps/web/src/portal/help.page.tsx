import { fr } from '@codegouvfr/react-dsfr';
import { Link, useParams } from 'react-router-dom';

import { useDocumentTitle } from '../shared/document-title';
import { PORTAL } from './portal-name';

/** Help in « facile à lire et à comprendre » (FALC): short sentences, one idea each, everyday words. */
const TOPICS: Record<string, { title: string; paragraphs: string[] }> = {
  rsa: {
    title: 'Le RSA',
    paragraphs: [
      'Le RSA, c’est le revenu de solidarité active.',
      'C’est de l’argent pour vivre quand vous avez peu ou pas de revenus.',
      'La CAF vous verse le RSA. Si vous travaillez dans l’agriculture, c’est la MSA.',
      'Le département paie le RSA et vous aide à trouver un travail.',
      'Vous avez des droits : être aidé et accompagné par une personne.',
      'Vous avez aussi des devoirs : chercher un travail ou faire les démarches prévues avec cette personne.',
      'Si votre situation change, par exemple un nouveau travail ou un déménagement, dites-le à la CAF ou à la MSA.',
    ],
  },
  orientation: {
    title: 'L’orientation',
    paragraphs: [
      'Quand votre droit au RSA est ouvert, le département choisit qui va vous accompagner.',
      'On appelle cela l’orientation.',
      'Le département regarde votre situation : votre logement, votre santé, votre famille, votre travail.',
      'Il peut vous orienter vers France Travail, vers le département, vers la mission locale ou vers une association.',
      'Une personne vous suit : c’est votre référent.',
      'Le département doit décider vite : en 30 jours au plus, et bientôt en 15 jours.',
      'Vous n’êtes pas d’accord ? Vous pouvez le dire à votre référent ou au département.',
    ],
  },
  contrat: {
    title: 'Le contrat d’engagement',
    paragraphs: [
      'Le contrat d’engagement, c’est un accord entre vous et votre référent.',
      'Pour le RSA, on l’appelle aussi CER : contrat d’engagement réciproque.',
      'Dans le contrat, vous écrivez ensemble vos objectifs. Par exemple : trouver un logement, passer le permis, faire une formation.',
      'Pour chaque objectif, il y a des actions et des dates.',
      'Vous signez le contrat avec votre référent. Vous pouvez le voir ici, dans « Mon dossier ».',
      'Le contrat peut changer si votre situation change.',
    ],
  },
  droits: {
    title: 'Vos droits sur vos données',
    paragraphs: [
      'Les professionnels qui vous suivent partagent votre dossier. La loi le permet pour vous accompagner.',
      'Ils ne voient que ce dont ils ont besoin.',
      'Vous pouvez voir qui a lu votre dossier, quand et pourquoi, dans « Qui a consulté mon dossier ».',
      'Vous pouvez refuser certains partages, dans « Mes choix ».',
      'Vos informations de santé sont protégées : elles ne sont partagées qu’avec votre accord.',
      'Vos données ne servent à rien d’autre. Par exemple, elles ne servent pas à chercher des fraudes.',
      'Une question ? Écrivez au délégué à la protection des données du département.',
    ],
  },
};

export function HelpPage() {
  useDocumentTitle('Aide', PORTAL);
  return (
    <>
      <h1>Aide</h1>
      <p>Des explications simples sur le RSA, votre accompagnement et vos droits.</p>
      <ul>
        {Object.entries(TOPICS).map(([slug, topic]) => (
          <li key={slug}>
            <Link to={`/portail/aide/${slug}`}>{topic.title}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export function HelpTopicPage() {
  const { topic = '' } = useParams();
  const page = TOPICS[topic];
  useDocumentTitle(page?.title ?? 'Aide', PORTAL);
  if (!page)
    return (
      <>
        <h1>Page introuvable</h1>
        <p>
          <Link to="/portail/aide">Revenir à l’aide</Link>
        </p>
      </>
    );
  return (
    <article>
      <h1>{page.title}</h1>
      {page.paragraphs.map((paragraph) => (
        <p key={paragraph} className={fr.cx('fr-text--lg')}>
          {paragraph}
        </p>
      ))}
      <p>
        <Link to="/portail/aide">Toute l’aide</Link>
      </p>
    </article>
  );
}
