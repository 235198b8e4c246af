import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { DataSourceHttpSettings, Field, FieldSet, Input, SecretInput } from '@grafana/ui';
import React, { type ChangeEvent } from 'react';

import { testIds } from '../../shared/testIds';
import {
  DEFAULT_PPROF_PATH_TEMPLATE,
  DEFAULT_SCRAPE_INTERVAL,
  type StabilityJsonData,
  type StabilitySecureJsonData,
} from '../types';

type Props = DataSourcePluginOptionsEditorProps<StabilityJsonData, StabilitySecureJsonData>;

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData;
  const setJson = (key: keyof StabilityJsonData) => (e: ChangeEvent<HTMLInputElement>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, [key]: e.currentTarget.value } });
  const secureSet = options.secureJsonFields?.pprofAuthorization ?? false;

  return (
    <>
      <DataSourceHttpSettings
        defaultUrl="http://localhost:9090"
        dataSourceConfig={options}
        onChange={onOptionsChange}
        showAccessOptions={false}
      />
      <FieldSet label="Go services">
        <Field
          label="Scrape interval"
          description={`How often Prometheus scrapes the Go services; the analysis step. Default ${DEFAULT_SCRAPE_INTERVAL}.`}
        >
          <Input
            width={20}
            data-testid={testIds.configEditor.scrapeInterval}
            placeholder={DEFAULT_SCRAPE_INTERVAL}
            value={jsonData.scrapeInterval ?? ''}
            onChange={setJson('scrapeInterval')}
          />
        </Field>
      </FieldSet>
      <FieldSet label="pprof access (optional)">
        <Field
          label="pprof base URL"
          description="A Go service, a reverse proxy, or the Kubernetes API server. Requests go through Grafana's proxy."
        >
          <Input
            width={60}
            data-testid={testIds.configEditor.pprofUrl}
            placeholder="http://my-service:6060"
            value={jsonData.pprofUrl ?? ''}
            onChange={setJson('pprofUrl')}
          />
        </Field>
        <Field
          label="Path template"
          description="Appended to the base URL; {label} placeholders are filled from the series' labels, e.g. /api/v1/namespaces/{namespace}/pods/{pod}:6060/proxy/debug/pprof"
        >
          <Input
            width={60}
            data-testid={testIds.configEditor.pprofPathTemplate}
            placeholder={DEFAULT_PPROF_PATH_TEMPLATE}
            value={jsonData.pprofPathTemplate ?? ''}
            onChange={setJson('pprofPathTemplate')}
          />
        </Field>
        <Field label="Authorization header" description="Sent by Grafana's proxy on pprof requests; stored encrypted.">
          <SecretInput
            width={60}
            data-testid={testIds.configEditor.pprofAuthorization}
            isConfigured={secureSet}
            value={options.secureJsonData?.pprofAuthorization ?? ''}
            placeholder="Bearer <token>"
            onChange={(e) =>
              onOptionsChange({
                ...options,
                secureJsonData: { ...options.secureJsonData, pprofAuthorization: e.currentTarget.value },
              })
            }
            onReset={() =>
              onOptionsChange({
                ...options,
                secureJsonFields: { ...options.secureJsonFields, pprofAuthorization: false },
                secureJsonData: { ...options.secureJsonData, pprofAuthorization: '' },
              })
            }
          />
        </Field>
      </FieldSet>
    </>
  );
}
