export * from './lib/jobs/drain-parcours-status.job';
export * from './lib/jobs/recompute-parcours-status.job';
export * from './lib/jobs/recompute-parcours-status.payload';
export * from './lib/parcours-jobs.module';
export * from './lib/parcours-stage.util';
export * from './lib/parcours-status.service';
export * from './lib/person-parcours-status.entity';
