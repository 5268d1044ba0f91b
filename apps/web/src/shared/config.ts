/** One face of the web app: `portail` for people, `console` for agents. */
export type Face = 'portail' | 'console';

/** How a face signs in: the gateway publishes it at `/web/config.json` (its own settings, nothing secret). */
export interface FaceSignIn {
  issuer: string;
  clientId: string;
  scope: string;
  /** Resource indicator (RFC 8707): the audience of the access token. */
  resource: string;
}

export interface WebConfig {
  faces: Record<Face, FaceSignIn>;
}

let loaded: Promise<WebConfig> | undefined;

export function webConfig(): Promise<WebConfig> {
  loaded ??= fetch('/web/config.json', { headers: { Accept: 'application/json' } }).then(async (response) => {
    if (!response.ok) throw new Error(`configuration introuvable (${response.status})`);
    return (await response.json()) as WebConfig;
  });
  return loaded;
}
