export * from './lib/ingestion-http.module';
export * from './lib/import-upload.controller';
export * from './lib/multipart-upload';
