import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// CPU time of the processes of a bench. On a shared machine wall time says little; CPU seconds per unit of work do.

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process used, with those of its children it has waited for. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // Fields 14–17 of /proc/<pid>/stat (utime, stime, cutime, cstime), counted after the command name.
    return fields.slice(11, 15).reduce((sum, value) => sum + Number(value), 0) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds of the PostgreSQL server: the postmaster, its finished backends, and its running ones. */
export function postgresCpuSeconds(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuSeconds(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.split(') ')[1].split(' ')[1]) === postmaster) total += cpuSeconds(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}
