#!/usr/bin/env node
// The `spie` command (see `npx spie --help`).
'use strict';
require('./register');
require('../apps/cli/src/main.ts');
