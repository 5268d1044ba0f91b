// Placeholder until the worker module lands.
setInterval(() => undefined, 1 << 30);
