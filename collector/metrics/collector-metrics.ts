type Labels = Record<string, string>;

interface MetricHelp {
  type: 'counter' | 'gauge' | 'histogram';
  help: string;
}

/** Every metric the collector exports, with its Prometheus type and help text. */
const METRICS: Record<string, MetricHelp> = {
  tagwarden_http_requests_total: { type: 'counter', help: 'HTTP requests by route and status.' },
  tagwarden_events_received_total: {
    type: 'counter',
    help: 'Events accepted into the spool, by source.',
  },
  tagwarden_events_rejected_total: {
    type: 'counter',
    help: 'Events or requests refused, by reason.',
  },
  tagwarden_events_stored_total: {
    type: 'counter',
    help: 'Rows newly stored in the warehouse (replays and duplicates excluded).',
  },
  tagwarden_sink_write_errors_total: {
    type: 'counter',
    help: 'Failed warehouse writes (each is retried).',
  },
  tagwarden_dead_letter_rows_total: {
    type: 'counter',
    help: 'Rows the warehouse refused one by one, kept in the dead-letter file.',
  },
  tagwarden_split_messages_expired_total: {
    type: 'counter',
    help: 'Split hits whose parts did not all arrive in time.',
  },
  tagwarden_spool_bytes: {
    type: 'gauge',
    help: 'Bytes in the write-ahead spool, not yet in the warehouse.',
  },
  tagwarden_spool_limit_bytes: {
    type: 'gauge',
    help: 'Spool size past which hits are refused with 503.',
  },
  tagwarden_spool_segments: {
    type: 'gauge',
    help: 'Closed spool segments waiting for the warehouse.',
  },
  tagwarden_split_messages_pending: {
    type: 'gauge',
    help: 'Split hits waiting for their other parts.',
  },
  tagwarden_sink_up: { type: 'gauge', help: '1 while the warehouse accepts writes.' },
  process_cpu_seconds_total: {
    type: 'counter',
    help: 'User and system CPU time of the collector process.',
  },
  process_resident_memory_bytes: {
    type: 'gauge',
    help: 'Resident memory of the collector process.',
  },
  process_max_resident_memory_bytes: {
    type: 'gauge',
    help: 'Peak resident memory since the process started.',
  },
  tagwarden_request_duration_seconds: { type: 'histogram', help: 'Time from request to response.' },
  tagwarden_sink_write_seconds: {
    type: 'histogram',
    help: 'Time to store one load (one or more spool segments).',
  },
};

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/**
 * Counters, gauges and histograms in memory, rendered in the Prometheus text format for
 * `/metrics`. Label values are the collector's own words (routes, reasons), never request text.
 */
export class CollectorMetrics {
  private readonly values = new Map<string, Map<string, number>>();
  private readonly histograms = new Map<string, Histogram>();

  increment(name: string, labels: Labels = {}, by = 1): void {
    const series = this.seriesOf(name);
    const key = labelText(labels);
    series.set(key, (series.get(key) ?? 0) + by);
  }

  setGauge(name: string, value: number, labels: Labels = {}): void {
    this.seriesOf(name).set(labelText(labels), value);
  }

  /** The value of one series, for tests and `/readyz`. */
  read(name: string, labels: Labels = {}): number {
    return this.values.get(name)?.get(labelText(labels)) ?? 0;
  }

  observe(name: string, seconds: number): void {
    let histogram = this.histograms.get(name);
    if (histogram === undefined) {
      histogram = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.histograms.set(name, histogram);
    }
    BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) histogram.counts[index] = (histogram.counts[index] ?? 0) + 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
  }

  render(): string {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    this.setGauge('process_cpu_seconds_total', (cpu.user + cpu.system) / 1e6);
    this.setGauge('process_resident_memory_bytes', memory.rss);
    this.setGauge('process_max_resident_memory_bytes', process.resourceUsage().maxRSS * 1024);
    const lines: string[] = [];
    for (const [name, help] of Object.entries(METRICS)) {
      lines.push(`# HELP ${name} ${help.help}`, `# TYPE ${name} ${help.type}`);
      if (help.type === 'histogram') {
        lines.push(...this.renderHistogram(name));
        continue;
      }
      const series = this.values.get(name) ?? new Map([['', 0]]);
      for (const [labels, value] of series) {
        lines.push(`${name}${labels} ${value}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }

  private renderHistogram(name: string): string[] {
    const histogram = this.histograms.get(name) ?? {
      counts: BUCKETS.map(() => 0),
      sum: 0,
      count: 0,
    };
    const lines = BUCKETS.map(
      (bound, index) => `${name}_bucket{le="${bound}"} ${histogram.counts[index] ?? 0}`,
    );
    lines.push(`${name}_bucket{le="+Inf"} ${histogram.count}`);
    lines.push(`${name}_sum ${histogram.sum}`, `${name}_count ${histogram.count}`);
    return lines;
  }

  private seriesOf(name: string): Map<string, number> {
    let series = this.values.get(name);
    if (series === undefined) {
      series = new Map();
      this.values.set(name, series);
    }
    return series;
  }
}

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) {
    return '';
  }
  const parts = entries.map(([key, value]) => `${key}="${value.replace(/["\\\n]/g, '_')}"`);
  return `{${parts.join(',')}}`;
}
