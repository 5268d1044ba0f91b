export const PORTAL = 'Mon suivi RSA';
