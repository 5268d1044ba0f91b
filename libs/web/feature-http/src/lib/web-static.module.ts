import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type Express, type Request, type Response } from 'express';

import { EnvironmentVariables } from '@spie/platform/config';

import { WEB_FACES, webConfigDocument } from './web-config';

/** Where `npm run web:build` writes the app (Vite's `build.outDir`). */
export const WEB_DIST_DIR = resolve(__dirname, '..', '..', '..', '..', '..', 'dist', 'apps', 'web');

/**
 * Serves the built web app on the gateway's own origin (so the browser calls `/graphql` and `/imports` without CORS):
 * files under `/web` (hashed names, cached for a year), `index.html` for every page under `/portail` and `/console`
 * (the router of the app picks the page), `/web/config.json` for the sign-in settings, and `/` sends to the portal.
 * Mounted when the application initialises, like the queue dashboard; these routes are public files, not data.
 */
@Injectable()
export class WebStaticMount implements OnModuleInit {
  private readonly logger = new Logger(WebStaticMount.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly env: EnvironmentVariables,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    const index = join(WEB_DIST_DIR, 'index.html');
    const built = existsSync(index);
    if (!built) this.logger.warn(`the web app is not built (${index}): npm run web:build`);
    const config = webConfigDocument(this.env);
    app.get('/web/config.json', (_req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(config);
    });
    app.use(
      '/web',
      express.static(WEB_DIST_DIR, {
        index: false,
        fallthrough: true,
        setHeaders: (res, path) =>
          res.setHeader(
            'Cache-Control',
            path.includes(`${join('web', 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          ),
      }),
    );
    const page = (_req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('X-Frame-Options', 'DENY');
      res.setHeader('Referrer-Policy', 'same-origin');
      if (!existsSync(index)) {
        res
          .status(503)
          .type('text/plain')
          .send('The web app is not built: run npm run web:build (npm start does it).');
        return;
      }
      res.sendFile(index);
    };
    for (const face of WEB_FACES) app.get([face, `${face}/{*rest}`], page);
    app.get('/', (_req: Request, res: Response) => res.redirect(302, '/portail'));
  }
}

@Module({ providers: [WebStaticMount] })
export class WebStaticModule {}
