-- wrk reporter for scripts/bench.sh: one machine-readable line at the end.
-- WRK_RESULT requests_per_s p50_us p99_us requests socket_errors non_2xx_3xx
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK_RESULT %.1f %d %d %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status))
end
