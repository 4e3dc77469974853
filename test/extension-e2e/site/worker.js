/* global self, fetch */
// A GA4 hit sent from a worker, like a Partytown setup: no page-world hook runs here.
const query = 'v=2&tid=G-STANDIN1&cid=111111121.1700000021&_s=1&en=worker_event&ep.via=worker';
fetch(self.location.origin + '/g/collect?' + query, { method: 'POST', keepalive: true });
