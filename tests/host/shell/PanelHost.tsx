/** @jsxImportSource react */
// A panel as a dashboard renders it: the plugin's panel component with PanelProps, inside
// @grafana/ui's ErrorBoundaryAlert and a PanelContext, at a fixed size.
import type { EventBus, FieldConfigSource, InterpolateFunction, PanelData, PanelPlugin } from '@grafana/data';
import { ErrorBoundaryAlert, PanelContextProvider } from '@grafana/ui';
import { useState } from 'react';

interface Props {
  plugin: PanelPlugin;
  data: PanelData;
  options: Record<string, unknown>;
  fieldConfig: FieldConfigSource;
  width: number;
  height: number;
  eventBus: EventBus;
  replaceVariables: InterpolateFunction;
  onState: (options: Record<string, unknown>, fieldConfig: FieldConfigSource) => void;
}

export function PanelHost({ plugin, data, width, height, eventBus, replaceVariables, onState, ...saved }: Props) {
  const [options, setOptions] = useState(saved.options);
  const [fieldConfig, setFieldConfig] = useState(saved.fieldConfig);
  const [renderCounter, setRenderCounter] = useState(0);
  const Panel = plugin.panel;
  if (!Panel) {
    return <div data-testid="host-panel-missing">The panel plugin has no panel component</div>;
  }
  const onOptionsChange = (next: Record<string, unknown>) => {
    setOptions(next);
    setRenderCounter((n) => n + 1);
    onState(next, fieldConfig);
  };
  const onFieldConfigChange = (next: FieldConfigSource) => {
    setFieldConfig(next);
    onState(options, next);
  };
  return (
    <div data-testid="host-panel" style={{ width, height, overflow: 'hidden', position: 'relative' }}>
      <ErrorBoundaryAlert boundaryName="host-panel" dependencies={[data, options]}>
        <PanelContextProvider value={{ eventsScope: 'global', eventBus }}>
          <Panel
            id={1}
            title="Panel"
            data={data}
            timeRange={data.timeRange}
            timeZone="browser"
            options={options}
            fieldConfig={fieldConfig}
            transparent={false}
            width={width}
            height={height}
            renderCounter={renderCounter}
            eventBus={eventBus}
            onOptionsChange={onOptionsChange}
            onFieldConfigChange={onFieldConfigChange}
            replaceVariables={replaceVariables}
            onChangeTimeRange={() => {}}
          />
        </PanelContextProvider>
      </ErrorBoundaryAlert>
    </div>
  );
}
