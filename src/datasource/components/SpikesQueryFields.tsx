import { InlineField, InlineFieldRow, Input, TagsInput } from '@grafana/ui';
import React, { type ChangeEvent, useState } from 'react';

import { SIGNAL_CATALOG, type SignalId } from '../../engine/spikes';
import {
  DEFAULT_RATE_WINDOW_STEPS,
  DEFAULT_SCRAPE_INTERVAL,
  DEFAULT_SPIKES_QUERY,
  type StabilityQuery,
} from '../types';

interface Props {
  query: StabilityQuery;
  /** The data source's scrape interval: the step when the query sets none. */
  scrapeInterval?: string;
  update: (patch: Partial<StabilityQuery>, run?: boolean) => void;
  onRunQuery: () => void;
}

const LABEL_WIDTH = 16;

/** The spikes query's options. Unset fields stay unset and show their default as a placeholder. */
export function SpikesQueryFields({ query, scrapeInterval, update, onRunQuery }: Props) {
  const text = (key: 'metric' | 'clientMetric' | 'containerSelector' | 'step' | 'rateWindow') => ({
    value: query[key] ?? '',
    onChange: (e: ChangeEvent<HTMLInputElement>) => update({ [key]: e.currentTarget.value || undefined }, false),
    onBlur: onRunQuery,
  });
  const numeric = (key: 'windowSamples' | 'k') => ({
    type: 'number',
    value: query[key] ?? '',
    placeholder: String(DEFAULT_SPIKES_QUERY[key]),
    onChange: (e: ChangeEvent<HTMLInputElement>) =>
      update({ [key]: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) }, false),
    onBlur: onRunQuery,
  });
  const [weightsText, setWeightsText] = useState(formatWeights(query.weights));
  const weights = parseWeights(weightsText);

  return (
    <>
      <InlineFieldRow>
        <InlineField label="Histogram" labelWidth={LABEL_WIDTH} tooltip="Latency histogram base name (without _bucket)">
          <Input width={40} placeholder={DEFAULT_SPIKES_QUERY.metric} {...text('metric')} />
        </InlineField>
        <InlineField label="Group by" tooltip="One P99 per value of these labels; every signal is grouped the same way">
          <TagsInput
            width={30}
            placeholder={DEFAULT_SPIKES_QUERY.groupBy.join(', ')}
            tags={query.groupBy ?? []}
            onChange={(groupBy) => update({ groupBy: groupBy.length > 0 ? groupBy : undefined })}
          />
        </InlineField>
        <InlineField label="Client histogram" tooltip="Outgoing-call latency histogram (network cause)">
          <Input width={40} placeholder={DEFAULT_SPIKES_QUERY.clientMetric} {...text('clientMetric')} />
        </InlineField>
      </InlineFieldRow>
      <InlineFieldRow>
        <InlineField
          label="Container selector"
          labelWidth={LABEL_WIDTH}
          tooltip="Matchers for cAdvisor container_* series (CPU throttling): they carry pod/namespace/container labels, not job/instance. Default: the selector"
        >
          <Input width={40} placeholder='{namespace="shop", container="cart"}' {...text('containerSelector')} />
        </InlineField>
        <InlineField label="Step" tooltip="Analysis resolution; the data source's scrape interval by default">
          <Input width={10} placeholder={scrapeInterval || DEFAULT_SCRAPE_INTERVAL} {...text('step')} />
        </InlineField>
        <InlineField label="Rate window" tooltip={`rate() window; ${DEFAULT_RATE_WINDOW_STEPS} × step by default`}>
          <Input width={12} placeholder={`${DEFAULT_RATE_WINDOW_STEPS} × step`} {...text('rateWindow')} />
        </InlineField>
        <InlineField label="W" tooltip="Samples in each spike baseline">
          <Input width={8} min={5} step={1} {...numeric('windowSamples')} />
        </InlineField>
        <InlineField label="k" tooltip="A spike opens at baseline + k robust sigma">
          <Input width={8} min={0} step={0.5} {...numeric('k')} />
        </InlineField>
      </InlineFieldRow>
      <InlineFieldRow>
        <InlineField
          label="Weights"
          labelWidth={LABEL_WIDTH}
          grow
          invalid={weights === null}
          error={`id=weight pairs, ids among ${SIGNAL_CATALOG.map((s) => s.id).join(', ')}`}
          tooltip="Attribution weight per signal, e.g. gc_cycle_rate=0.25, threads=1; others keep the catalog's"
        >
          <Input
            placeholder="gc_cycle_rate=0.5, threads=0.7"
            value={weightsText}
            onChange={(e: ChangeEvent<HTMLInputElement>) => setWeightsText(e.currentTarget.value)}
            onBlur={() => (weights !== null ? update({ weights: weights ?? undefined }) : undefined)}
          />
        </InlineField>
      </InlineFieldRow>
    </>
  );
}

function formatWeights(weights: StabilityQuery['weights']): string {
  return Object.entries(weights ?? {})
    .map(([id, w]) => `${id}=${w}`)
    .join(', ');
}

/** `a=1, b=0.5` → record; '' → undefined (catalog weights); anything malformed → null. */
export function parseWeights(text: string): Partial<Record<SignalId, number>> | undefined | null {
  const ids = new Set<string>(SIGNAL_CATALOG.map((s) => s.id));
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) {
    return undefined;
  }
  const out: Partial<Record<SignalId, number>> = {};
  for (const part of parts) {
    const m = /^([a-z0-9_]+)\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
    if (!m || !ids.has(m[1])) {
      return null;
    }
    out[m[1] as SignalId] = Number(m[2]);
  }
  return out;
}
