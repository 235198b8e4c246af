/** @jsxImportSource react */
// The data source settings page, reduced: the plugin's ConfigEditor on the settings the server holds,
// and "Save & test" as Grafana does it (PUT the settings, reload them, testDatasource()).
import type { DataSourceApi, DataSourcePlugin, DataSourceSettings, TestDataSourceResponse } from '@grafana/data';
import { getBackendSrv, getDataSourceSrv } from '@grafana/runtime';
import { Alert, Button } from '@grafana/ui';
import { useState } from 'react';

import type { HostDataSourceSrv } from './dataSourceSrv';

interface Props {
  plugin: DataSourcePlugin<DataSourceApi>;
  initial: DataSourceSettings;
  /** The options as they are now, for the tests. */
  onState: (options: DataSourceSettings) => void;
}

function messageOf(err: unknown): string {
  const e = err as { data?: { message?: string }; message?: string; statusText?: string };
  return e?.data?.message || e?.message || e?.statusText || String(err);
}

export function ConfigEditorHost({ plugin, initial, onState }: Props) {
  const [options, setOptionsState] = useState(initial);
  const [result, setResult] = useState<TestDataSourceResponse | undefined>();
  const [busy, setBusy] = useState(false);
  const Editor = plugin.components.ConfigEditor;
  const setOptions = (next: DataSourceSettings) => {
    setOptionsState(next);
    onState(next);
  };

  const saveAndTest = async () => {
    setBusy(true);
    setResult(undefined);
    try {
      const saved = await getBackendSrv().put(`/api/datasources/uid/${options.uid}`, options, {
        showErrorAlert: false,
      });
      setOptions(saved.datasource);
      const srv = getDataSourceSrv() as HostDataSourceSrv;
      await srv.reloadFromServer();
      const ds = await srv.get(options.uid);
      setResult(await ds.testDatasource());
    } catch (err) {
      setResult({ status: 'error', message: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };

  if (!Editor) {
    return <Alert title="The data source plugin sets no ConfigEditor" severity="error" />;
  }
  return (
    <div data-testid="host-config-editor" style={{ padding: 16, maxWidth: 960 }}>
      <Editor options={options} onOptionsChange={setOptions} />
      <Button data-testid="host-save-test" onClick={saveAndTest} disabled={busy}>
        Save &amp; test
      </Button>
      {result && (
        <div data-testid="host-test-result" data-status={result.status} style={{ marginTop: 16 }}>
          <Alert
            severity={result.status === 'success' ? 'success' : result.status === 'warning' ? 'warning' : 'error'}
            title={result.message}
          >
            {result.details?.message}
          </Alert>
        </div>
      )}
    </div>
  );
}
