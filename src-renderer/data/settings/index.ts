/** Settings: values under a key, each parsed with its owner's schema when read back. */
export { readSetting, readSettingValue, writeSetting, updateSetting, deleteSetting } from './settings-store';
export { useSettingValue, useLoadedSettingValue } from './use-setting-value';
export { useSetting } from './use-setting';
