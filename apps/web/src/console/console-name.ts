export const CONSOLE = 'Console SPIE';
