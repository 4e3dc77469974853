import type { AuxiliaryRequest, VendorBeacon } from '../events/event-types.js';
import type { UrlParts } from '../text/split-url.js';

/** A request as a vendor module sees it. */
export interface VendorRequest {
  parts: UrlParts;
  body: string | undefined;
  /** Host and path, recorded on every beacon. */
  endpoint: string;
}

/** Most requests carry one beacon; Universal Analytics `/batch` carries one per body line. */
export type ProviderResult =
  { kind: 'vendor'; beacons: VendorBeacon[] } | { kind: 'auxiliary'; request: AuxiliaryRequest };

/**
 * One analytics vendor, declared the way the decoder needs it: which requests are its
 * own, and how to read them. Each module keeps its key → meaning table next to it.
 */
export interface BeaconProvider {
  /** The `vendor` written on every beacon, e.g. `universal-analytics`. */
  vendor: string;
  matches(request: VendorRequest): boolean;
  decode(request: VendorRequest): ProviderResult;
}
