import { type Metric, Registry } from 'prom-client';
import { LabelledCounter } from './labelled-counter.js';
import { RequestDurations } from './request-durations.js';

function registryWith(...metrics: Array<RequestDurations | LabelledCounter>): Registry {
  const registry = new Registry();
  for (const metric of metrics) registry.registerMetric(metric as unknown as Metric);
  return registry;
}

describe('RequestDurations', () => {
  it('exposes cumulative buckets, +Inf, sum and count per series in the Prometheus text format', async () => {
    const durations = new RequestDurations();
    durations.observe('connect', 'POST', '2xx', 0.001);
    durations.observe('connect', 'POST', '2xx', 0.004);
    durations.observe('connect', 'POST', '2xx', 0.005);
    durations.observe('connect', 'POST', '2xx', 3);
    durations.observe('api', 'GET', '4xx', 0.03);
    const text = await registryWith(durations).metrics();

    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('http_request_duration_seconds_bucket{group="connect",method="POST",status="2xx",le="0.002"} 1');
    // 0.005 lands in the 0.005 bucket (le is inclusive)
    expect(text).toContain('http_request_duration_seconds_bucket{group="connect",method="POST",status="2xx",le="0.005"} 3');
    expect(text).toContain('http_request_duration_seconds_bucket{group="connect",method="POST",status="2xx",le="2.5"} 3');
    expect(text).toContain('http_request_duration_seconds_bucket{group="connect",method="POST",status="2xx",le="+Inf"} 4');
    expect(text).toContain('http_request_duration_seconds_sum{group="connect",method="POST",status="2xx"} 3.01');
    expect(text).toContain('http_request_duration_seconds_count{group="connect",method="POST",status="2xx"} 4');
    expect(text).toContain('http_request_duration_seconds_bucket{group="api",method="GET",status="4xx",le="0.025"} 0');
    expect(text).toContain('http_request_duration_seconds_bucket{group="api",method="GET",status="4xx",le="0.05"} 1');
  });

  it('is emptied by the registry reset', async () => {
    const durations = new RequestDurations();
    durations.observe('api', 'GET', '2xx', 0.01);
    const registry = registryWith(durations);
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('http_request_duration_seconds_count');
  });
});

describe('LabelledCounter', () => {
  it('counts per label value', async () => {
    const counter = new LabelledCounter('oauth_tokens_issued_total', 'Tokens issued', 'grant_type');
    counter.inc('client_credentials');
    counter.inc('client_credentials');
    counter.inc('refresh_token');
    const text = await registryWith(counter).metrics();
    expect(text).toContain('# TYPE oauth_tokens_issued_total counter');
    expect(text).toContain('oauth_tokens_issued_total{grant_type="client_credentials"} 2');
    expect(text).toContain('oauth_tokens_issued_total{grant_type="refresh_token"} 1');
  });
});
