const BigQuery = require('BigQuery');
const getAllEventData = require('getAllEventData');
const getContainerVersion = require('getContainerVersion');
const getTimestampMillis = require('getTimestampMillis');
const JSON = require('JSON');
const logToConsole = require('logToConsole');
const Object = require('Object');

const containerVersion = getContainerVersion();
const isPreview = containerVersion.debugMode || containerVersion.previewMode;
const row = toRow(getAllEventData());
const table = { datasetId: data.datasetId, tableId: data.tableId };
if (data.projectId) table.projectId = data.projectId;

BigQuery.insert(table, [row], { ignoreUnknownValues: true })
  .then(function () {
    log('inserted', row);
    data.gtmOnSuccess();
  })
  .catch(function (error) {
    log('insert failed', error);
    data.gtmOnFailure();
  });

// The columns every row has, and the rest of the event as one JSON column, so the table's
// schema stays fixed however many parameters events carry.
function toRow(eventData) {
  return {
    event_name: eventData.event_name,
    client_id: eventData.client_id,
    page_location: eventData.page_location,
    event_timestamp_millis: getTimestampMillis(),
    container_id: containerVersion.containerId,
    container_version: containerVersion.version,
    event_data: JSON.stringify(keptEventData(eventData)),
  };
}

function keptEventData(eventData) {
  const excluded = (data.excludedKeys || []).map(function (entry) {
    return entry.key;
  });
  const kept = {};
  Object.keys(eventData).forEach(function (key) {
    const isInternal = data.dropInternalKeys && key.indexOf('x-') === 0;
    if (!isInternal && excluded.indexOf(key) === -1) kept[key] = eventData[key];
  });
  return kept;
}

// One JSON object per log line, and only in preview or debug mode.
function log(message, details) {
  if (!isPreview) return;
  logToConsole(
    JSON.stringify({
      tag: 'bigquery-writer',
      message: message,
      table: data.tableId,
      details: details,
    }),
  );
}
