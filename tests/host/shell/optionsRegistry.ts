// Grafana core fills @grafana/data's option registries at start (getAllOptionEditors and
// getAllStandardFieldConfigs in public/app/core/components/OptionsUI/registry.tsx): panel option
// builders look their editors up there, and applyFieldOverrides processes the standard field config
// (unit, min, max, decimals, thresholds, ...) through it. The host registers the same ids with the
// same processors and defaults; the editors are placeholders, since the host has no panel editor.
import {
  booleanOverrideProcessor,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  type FieldConfigPropertyItem,
  FieldType,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  type StandardEditorsRegistryItem,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  ThresholdsMode,
  valueMappingsOverrideProcessor,
} from '@grafana/data';

const EDITOR_IDS = [
  'text',
  'number',
  'slider',
  'boolean',
  'radio',
  'select',
  'unit',
  'links',
  'actions',
  'stats-picker',
  'strings',
  'timezone',
  'fieldColor',
  'color',
  'multi-select',
  'field-name',
  'dashboard-uid',
  'mappings',
  'thresholds',
];

const placeholder = () => null;

export function registerStandardOptions() {
  standardEditorsRegistry.setInit(() =>
    EDITOR_IDS.map((id): StandardEditorsRegistryItem => ({
      id,
      name: id,
      description: 'host page placeholder',
      editor: placeholder,
    }))
  );
  const isNumber = (f: { type: FieldType }) => f.type === FieldType.number;
  const item = (
    id: string,
    editor: string,
    process: FieldConfigPropertyItem['process'],
    extra: Partial<FieldConfigPropertyItem> = {}
  ): FieldConfigPropertyItem => ({
    id,
    path: id,
    name: id,
    editor: placeholder,
    override: placeholder,
    process,
    shouldApply: () => true,
    settings: {},
    category: ['Standard options'],
    ...extra,
    description: `standard option (${editor} editor)`,
  });
  standardFieldConfigEditorRegistry.setInit(() => [
    item('unit', 'unit', stringOverrideProcessor),
    item('min', 'number', numberOverrideProcessor, { shouldApply: isNumber }),
    item('max', 'number', numberOverrideProcessor, { shouldApply: isNumber }),
    item('fieldMinMax', 'boolean', booleanOverrideProcessor, { shouldApply: isNumber }),
    item('decimals', 'number', numberOverrideProcessor, { shouldApply: isNumber }),
    item('displayName', 'text', displayNameOverrideProcessor),
    item('color', 'fieldColor', identityOverrideProcessor, {
      settings: { byValueSupport: true, preferThresholdsMode: true },
    }),
    item('noValue', 'text', stringOverrideProcessor),
    item('links', 'links', dataLinksOverrideProcessor),
    item('actions', 'actions', identityOverrideProcessor),
    item('mappings', 'mappings', valueMappingsOverrideProcessor, {
      defaultValue: [],
      shouldApply: (f) => f.type !== FieldType.time,
    }),
    item('thresholds', 'thresholds', thresholdsOverrideProcessor, {
      defaultValue: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 80, color: 'red' },
        ],
      },
    }),
    item('filterable', 'boolean', booleanOverrideProcessor, { hideFromDefaults: true }),
  ]);
}
