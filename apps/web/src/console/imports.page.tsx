import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';

import { currentSession } from '../shared/auth';
import { useDocumentTitle } from '../shared/document-title';
import { formatDateTime } from '../shared/format';
import { useGql } from '../shared/graphql';
import { QueryState } from '../shared/query-state';
import { useSession } from '../shared/session';
import { CONSOLE } from './console-name';

const SOURCES: Record<string, string> = {
  'caf-msa': 'Flux RSA de la CAF ou de la MSA (XML)',
  'france-travail-principal': 'France Travail : fichier principal (CSV)',
  'france-travail-actions': 'France Travail : actions (CSV)',
  department: 'Fichier du département (CSV, XLSX, ODS)',
};

const FINISHED = new Set(['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED']);

const STATUS: Record<string, string> = {
  RECEIVED: 'reçu',
  PARSING: 'lecture du fichier',
  PROCESSING: 'traitement',
  COMPLETED: 'terminé',
  COMPLETED_WITH_ERRORS: 'terminé avec des erreurs',
  FAILED: 'refusé',
};

const BATCHES_QUERY = /* GraphQL */ `
  query Batches {
    importBatches(first: 20) {
      edges {
        node {
          id
          source
          fileName
          status
          receivedAt
          progress {
            percent
          }
        }
      }
    }
  }
`;

const BATCH_QUERY = /* GraphQL */ `
  query Batch($id: ID!) {
    importBatch(id: $id) {
      id
      source
      fileName
      status
      receivedAt
      completedAt
      error {
        code
        message
      }
      progress {
        processed
        total
        estimatedTotal
        percent
        etaSeconds
      }
      counts {
        personsCreated
        personsUpdated
        householdsCreated
        householdsUpdated
        rejected
        conflicts
        skipped
        stale
      }
      report(first: 50) {
        totalCount
        edges {
          node {
            id
            position
            recordKey
            severity
            code
            message
          }
        }
      }
    }
  }
`;

interface Batch {
  id: string;
  source: string;
  fileName: string;
  status: string;
  receivedAt: string;
  completedAt: string | null;
  error: { code: string; message: string } | null;
  progress: {
    processed: number;
    total: number | null;
    estimatedTotal: number | null;
    percent: number | null;
    etaSeconds: number | null;
  };
  counts: Record<string, number>;
  report: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        position: number;
        recordKey: string | null;
        severity: string;
        code: string;
        message: string;
      };
    }>;
  };
}

/** Send a partner file (`POST /imports/:source`) and list the recent batches. */
export function ImportsPage() {
  useDocumentTitle('Imports', CONSOLE);
  const { face } = useSession();
  const navigate = useNavigate();
  const [source, setSource] = useState('caf-msa');
  const [department, setDepartment] = useState('052');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const batches = useGql<{ importBatches: { edges: Array<{ node: Omit<Batch, 'counts' | 'report'> }> } }>(
    BATCHES_QUERY,
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setSending(true);
    try {
      const body = new FormData();
      if (source === 'caf-msa' || source === 'department') body.append('department', department);
      body.append('file', file);
      const response = await fetch(`/imports/${source}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${currentSession(face)?.accessToken ?? ''}` },
        body,
      });
      const answer = (await response.json().catch(() => ({}))) as { batchId?: string; message?: string };
      if (!response.ok || !answer.batchId) throw new Error(answer.message ?? `refusé (${response.status})`);
      navigate(`/console/imports/${answer.batchId}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <h1>Imports</h1>
      <form onSubmit={(e) => void submit(e)} aria-labelledby="envoyer" className={fr.cx('fr-mb-5w')}>
        <h2 id="envoyer">Envoyer un fichier</h2>
        <Select
          label="Type de fichier"
          nativeSelectProps={{ value: source, onChange: (e) => setSource(e.target.value) }}
        >
          {Object.entries(SOURCES).map(([code, text]) => (
            <option key={code} value={code}>
              {text}
            </option>
          ))}
        </Select>
        <Input
          label="Département"
          nativeInputProps={{ value: department, onChange: (e) => setDepartment(e.target.value) }}
        />
        <div className={fr.cx('fr-upload-group', 'fr-mb-3w')}>
          <label className={fr.cx('fr-label')} htmlFor="fichier">
            Fichier
            <span className={fr.cx('fr-hint-text')}>
              Le fichier est lu au fil de l’eau ; vous pouvez suivre son traitement.
            </span>
          </label>
          <input
            className={fr.cx('fr-upload')}
            type="file"
            id="fichier"
            name="file"
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" disabled={!file || sending}>
          Envoyer
        </Button>
        {error && <Alert severity="error" title="Le fichier a été refusé" description={error} />}
      </form>
      <section aria-labelledby="derniers">
        <h2 id="derniers">Derniers imports</h2>
        <QueryState loading={batches.isLoading} error={batches.error}>
          {() => (
            <ul>
              {(batches.data?.data.importBatches.edges ?? []).map(({ node }) => (
                <li key={node.id}>
                  <Link to={`/console/imports/${node.id}`}>
                    {node.fileName} ({node.source}), {formatDateTime(node.receivedAt)} :{' '}
                    {STATUS[node.status] ?? node.status}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>
    </>
  );
}

/** One batch: its progress bar (polled every second until it ends), its counts and its report. */
export function ImportBatchPage() {
  const { id = '' } = useParams();
  useDocumentTitle('Import', CONSOLE);
  const query = useGql<{ importBatch: Batch | null }>(
    BATCH_QUERY,
    { id },
    { refetchInterval: (q) => (FINISHED.has(q.state.data?.data.importBatch?.status ?? '') ? false : 1000) },
  );
  return (
    <QueryState loading={query.isLoading} error={query.error}>
      {() => {
        const batch = query.data?.data.importBatch;
        if (!batch) return <h1>Import introuvable</h1>;
        const percent = Math.round(batch.progress.percent ?? 0);
        const finished = FINISHED.has(batch.status);
        return (
          <>
            <h1>Import {batch.fileName}</h1>
            <p role="status" aria-live="polite" data-status={batch.status}>
              État : {STATUS[batch.status] ?? batch.status}
              {finished && batch.completedAt ? `, le ${formatDateTime(batch.completedAt)}` : ''}
            </p>
            <label htmlFor="progression" className={fr.cx('fr-label')}>
              Progression : {percent} % ({batch.progress.processed} enregistrements
              {batch.progress.total ? ` sur ${batch.progress.total}` : ''})
              {!finished && batch.progress.etaSeconds
                ? `, environ ${batch.progress.etaSeconds} s restantes`
                : ''}
            </label>
            <progress id="progression" max={100} value={percent} style={{ width: '100%', height: '1.5rem' }}>
              {percent} %
            </progress>
            {batch.error && (
              <Alert severity="error" title="Fichier refusé" description={batch.error.message} />
            )}
            <h2>Résultat</h2>
            <dl>
              <dt>Personnes créées / mises à jour</dt>
              <dd>
                {batch.counts['personsCreated']} / {batch.counts['personsUpdated']}
              </dd>
              <dt>Foyers créés / mis à jour</dt>
              <dd>
                {batch.counts['householdsCreated']} / {batch.counts['householdsUpdated']}
              </dd>
              <dt>Enregistrements refusés</dt>
              <dd>{batch.counts['rejected']}</dd>
              <dt>Identités à vérifier</dt>
              <dd>
                {batch.counts['conflicts']}
                {batch.counts['conflicts'] ? (
                  <>
                    {' '}
                    (<Link to="/console/conflits">les vérifier</Link>)
                  </>
                ) : null}
              </dd>
            </dl>
            <h2>Rapport ({batch.report.totalCount})</h2>
            {batch.report.totalCount === 0 ? (
              <p>Aucune erreur ni remarque.</p>
            ) : (
              <ul>
                {batch.report.edges.map(({ node }) => (
                  <li key={node.id}>
                    {node.position === 0 ? 'Fichier' : `Enregistrement ${node.position}`}
                    {node.recordKey ? ` (${node.recordKey})` : ''} —{' '}
                    {node.severity === 'ERROR' ? 'erreur' : 'remarque'} {node.code} : {node.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
