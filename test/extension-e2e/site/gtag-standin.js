/* global window, document, navigator, fetch, XMLHttpRequest, Image, location */
// A stand-in for gtag's GA4 transport, for tests only. It sends hits shaped like the real
// captures in the project's corpus (shared parameters in the URL, one event per body line
// joined by CR LF in batched POSTs) to this site's own /g/collect, over the transport asked for.
(function () {
  let hitCount = 0;

  function sharedQuery(measurementId) {
    hitCount += 1;
    return [
      'v=2',
      'tid=' + measurementId,
      'gtm=45je5ca1za200',
      '_p=1766755449798',
      'gcd=13l3l3l3l1l1',
      'npa=0',
      'dma=0',
      'cid=111111121.1700000021',
      'ul=en-us',
      'sr=1920x1080',
      '_s=' + hitCount,
      'sid=1766755460',
      'sct=2',
      'seg=0',
      'dl=' + encodeURIComponent(location.href),
      'dt=' + encodeURIComponent(document.title),
    ].join('&');
  }

  function eventText(event) {
    const parts = ['en=' + encodeURIComponent(event.name)];
    for (const [key, value] of Object.entries(event.params || {})) {
      const prefix = typeof value === 'number' ? 'epn.' : 'ep.';
      parts.push(prefix + key + '=' + encodeURIComponent(String(value)));
    }
    parts.push('_et=12');
    return parts.join('&');
  }

  function send(options) {
    const endpoint = options.endpoint || '/g/collect';
    const query = sharedQuery(options.measurementId || 'G-STANDIN1');
    const events = options.events;
    if (options.transport === 'image' || events.length === 1) {
      const url = endpoint + '?' + query + '&' + eventText(events[0]);
      return sendSingle(options.transport, url);
    }
    const body = events.map(eventText).join('\r\n');
    return sendBatch(options.transport, endpoint + '?' + query, body);
  }

  function sendSingle(transport, url) {
    if (transport === 'image') {
      new Image().src = url;
      return true;
    }
    return sendBatch(transport, url, undefined);
  }

  function sendBatch(transport, url, body) {
    if (transport === 'beacon') return navigator.sendBeacon(url, body);
    if (transport === 'xhr') {
      const request = new XMLHttpRequest();
      request.open('POST', url);
      request.send(body);
      return request;
    }
    return fetch(url, {
      method: 'POST',
      body,
      keepalive: true,
      mode: 'no-cors',
      credentials: 'include',
    });
  }

  window.standInGtag = { send };
})();
