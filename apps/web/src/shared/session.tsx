import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

import { currentSession, signOut as dropSession, type Session } from './auth';
import type { Face } from './config';

interface SessionState {
  face: Face;
  session: Session | null;
  /** The purpose the agent acts for (`X-Spie-Purpose`); null when their role allows only one. */
  purpose: string | null;
  setPurpose(purpose: string | null): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

const PURPOSE_KEY = 'spie.console.purpose';

export function SessionProvider({ face, children }: { face: Face; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => currentSession(face));
  const [purpose, setPurposeState] = useState<string | null>(() =>
    face === 'console' ? sessionStorage.getItem(PURPOSE_KEY) : null,
  );
  const value = useMemo<SessionState>(
    () => ({
      face,
      session,
      purpose,
      setPurpose: (next) => {
        if (next) sessionStorage.setItem(PURPOSE_KEY, next);
        else sessionStorage.removeItem(PURPOSE_KEY);
        setPurposeState(next);
      },
      signOut: () => {
        dropSession(face);
        sessionStorage.removeItem(PURPOSE_KEY);
        setSession(null);
      },
    }),
    [face, session, purpose],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a SessionProvider');
  return value;
}
