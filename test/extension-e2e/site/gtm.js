/* global window, document, URL */
// A stand-in for Google Tag Manager's gtm.js, for tests only: no Google script is ever loaded.
// Like GTM it takes the dataLayer named by `l=` (default `dataLayer`), replaces its `push` with
// a function that calls the previous push and then processes the queue, processes what was
// pushed before it loaded, stamps `gtm.uniqueEventId` into each message (mutating it, as GTM
// does), pushes its own `gtm.dom` and `gtm.load` events, and pushes a follow-up event from
// inside its processing when a message asks for one (a re-entrant push).
(function () {
  const source = new URL(document.currentScript.src);
  const layerName = source.searchParams.get('l') || 'dataLayer';
  const containerId = source.searchParams.get('id');
  const dataLayer = (window[layerName] = window[layerName] || []);
  const model = {};
  const queue = [];
  let isProcessing = false;
  let uniqueEventId = 0;

  function processQueue() {
    if (isProcessing) return;
    isProcessing = true;
    while (queue.length > 0) processMessage(queue.shift());
    isProcessing = false;
  }

  function processMessage(message) {
    if (Object.prototype.toString.call(message) === '[object Arguments]') {
      runGtagCommand(Array.prototype.slice.call(message));
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    uniqueEventId += 1;
    message['gtm.uniqueEventId'] = uniqueEventId;
    Object.assign(model, message);
    if (message.followUp) dataLayer.push({ event: 'standin.followup', after: message.event });
  }

  function runGtagCommand(command) {
    if (command[0] !== 'event' || !window.standInGtag) return;
    window.standInGtag.send({
      transport: 'fetch',
      events: [{ name: command[1], params: command[2] || {} }],
    });
  }

  const previousPush = dataLayer.push;
  dataLayer.push = function () {
    const result = previousPush.apply(dataLayer, arguments);
    for (let index = 0; index < arguments.length; index += 1) queue.push(arguments[index]);
    processQueue();
    return result;
  };
  for (const message of dataLayer.slice(0)) queue.push(message);
  processQueue();

  window.standInContainers = (window.standInContainers || []).concat([
    { containerId, layerName, model },
  ]);
  document.addEventListener('DOMContentLoaded', function () {
    dataLayer.push({ event: 'gtm.dom' });
  });
  window.addEventListener('load', function () {
    dataLayer.push({ event: 'gtm.load' });
  });
})();
