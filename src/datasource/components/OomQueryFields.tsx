import { InlineField, InlineFieldRow, Input, TagsInput } from '@grafana/ui';
import React, { type ChangeEvent } from 'react';

import { parseByteSize } from '../../sources/prometheus/oomQueries';
import { DEFAULT_OOM_QUERY, DEFAULT_SCRAPE_INTERVAL, type StabilityQuery } from '../types';

interface Props {
  query: StabilityQuery;
  /** The data source's scrape interval: the step when the query sets none. */
  scrapeInterval?: string;
  update: (patch: Partial<StabilityQuery>, run?: boolean) => void;
  onRunQuery: () => void;
}

const LABEL_WIDTH = 16;

type NumericKey = 'horizonSeconds' | 'imminentSeconds' | 'consecutiveEvaluations' | 'minGrowthMiBPerSecond';

/** The OOM forecast query's options. Unset fields stay unset and show their default as a placeholder. */
export function OomQueryFields({ query, scrapeInterval, update, onRunQuery }: Props) {
  const text = (key: 'usageMetric' | 'limitMetric' | 'limitBytes' | 'step') => ({
    value: query[key] ?? '',
    onChange: (e: ChangeEvent<HTMLInputElement>) => update({ [key]: e.currentTarget.value || undefined }, false),
    onBlur: onRunQuery,
  });
  const numeric = (key: NumericKey) => ({
    type: 'number',
    value: query[key] ?? '',
    placeholder: String(DEFAULT_OOM_QUERY[key]),
    onChange: (e: ChangeEvent<HTMLInputElement>) =>
      update({ [key]: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) }, false),
    onBlur: onRunQuery,
  });
  const limitError = limitBytesError(query.limitBytes);

  return (
    <>
      <InlineFieldRow>
        <InlineField
          label="Usage metric"
          labelWidth={LABEL_WIDTH}
          tooltip={`The memory series to forecast; by default ${DEFAULT_OOM_QUERY.usageMetrics.join(', else ')}`}
        >
          <Input width={40} placeholder={DEFAULT_OOM_QUERY.usageMetrics[0]} {...text('usageMetric')} />
        </InlineField>
        <InlineField
          label="Limit metric"
          tooltip={`The hard limit (the OOM kill); by default ${DEFAULT_OOM_QUERY.limitMetrics.join(', else ')}`}
        >
          <Input width={40} placeholder={DEFAULT_OOM_QUERY.limitMetrics[0]} {...text('limitMetric')} />
        </InlineField>
        <InlineField
          label="Limit"
          invalid={limitError !== undefined}
          error={limitError}
          tooltip="A configured limit for a plain process (bytes, 512MiB, 2GiB); replaces the limit metric"
        >
          <Input width={14} placeholder="from metric" {...text('limitBytes')} />
        </InlineField>
      </InlineFieldRow>
      <InlineFieldRow>
        <InlineField
          label="Group by"
          labelWidth={LABEL_WIDTH}
          tooltip="One forecast per value of these labels; in Kubernetes, namespace, pod, container"
        >
          <TagsInput
            width={30}
            placeholder={DEFAULT_OOM_QUERY.groupBy.join(', ')}
            tags={query.groupBy ?? []}
            onChange={(groupBy) => update({ groupBy: groupBy.length > 0 ? groupBy : undefined })}
          />
        </InlineField>
        <InlineField label="Step" tooltip="Analysis resolution; the data source's scrape interval by default">
          <Input width={10} placeholder={scrapeInterval || DEFAULT_SCRAPE_INTERVAL} {...text('step')} />
        </InlineField>
        <InlineField label="Horizon (s)" tooltip="Warn when the forecast reaches the limit this soon">
          <Input width={8} min={1} step={5} {...numeric('horizonSeconds')} />
        </InlineField>
        <InlineField
          label="Imminent (s)"
          tooltip="A warning becomes imminent this close to the limit (at most the horizon)"
        >
          <Input width={8} min={1} step={5} {...numeric('imminentSeconds')} />
        </InlineField>
        <InlineField label="N" tooltip="Growing samples needed before a warning">
          <Input width={8} min={1} step={1} {...numeric('consecutiveEvaluations')} />
        </InlineField>
        <InlineField label="Min growth (MiB/s)" tooltip="Slower growth of the peak never warns (page cache, drift)">
          <Input width={8} min={0} step={0.1} {...numeric('minGrowthMiBPerSecond')} />
        </InlineField>
      </InlineFieldRow>
    </>
  );
}

/** Why the configured limit cannot be read, or undefined when it is blank or valid. */
export function limitBytesError(text: string | undefined): string | undefined {
  try {
    parseByteSize(text);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
