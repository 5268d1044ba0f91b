import { useEffect } from 'react';

/** Each page names itself in the tab title (RGAA 8.6). */
export function useDocumentTitle(title: string, service: string): void {
  useEffect(() => {
    document.title = `${title} — ${service}`;
  }, [title, service]);
}
