/** JSON values in the document's properties (shared by every editor of the spreadsheet). */
export function documentProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** The parsed value, or null when missing or not JSON (a hand-edited property is treated as absent). */
export function readDocumentJson(key: string): unknown {
  const text = documentProperties().getProperty(key);
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
