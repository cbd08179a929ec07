// Preloaded by `npm start` after tsx: source maps off in production unless SOURCE_MAPS=on. tsx turns them on,
// and then every module keeps its map in memory (tsx inlines one into each transpiled file; Node parses and
// caches the map of every Next chunk it loads): about 90 MiB of the idle demo server's heap (bench:memory).
// Without them a stack trace points into the transpiled file or the built chunk instead of the source.
if (process.env.SOURCE_MAPS !== "on") process.setSourceMapsEnabled(false);
