/**
 * Records every network request made by any target of a browser — pages and their frames
 * (out-of-process iframes included, through the page's own request events) and workers
 * (service worker, shared workers, through a DevTools session with the Network domain) — so the
 * privacy tests can assert the extension made none.
 *
 * Targets that exist when collection starts and every target created later are covered;
 * a request a worker makes in the first instant before the session attaches can be missed.
 */
import type { Browser, CDPSession, HTTPRequest, Page, Target } from 'puppeteer';

export interface NetworkRequest {
  url: string;
  method: string;
  resourceType: string;
  /** 'page', 'service_worker', … : the kind of target that made the request. */
  targetType: string;
  /** URL of that target (the page or worker script) when the request was seen. */
  targetUrl: string;
  /** URL of the frame that made the request, for pages (an iframe's own URL for iframes). */
  frameUrl: string | null;
  /** What started it (Chromium's initiator: type, URL, or the origin for fetches). */
  initiator: { type: string; url?: string };
  time: number;
}

/** A stretch of the record: `requests.slice(from, to)` (see RequestCollector.requests). */
export interface RequestRange {
  from?: number;
  to?: number;
}

export interface RequestCollector {
  requests: NetworkRequest[];
  /**
   * Only requests that leave the browser (http, https, ws, wss), not extension files or data:;
   * all of them, or those of one stretch of the record.
   */
  networkRequests(range?: RequestRange): Promise<NetworkRequest[]>;
  /** Network requests made by contexts of the given origin (target, frame or initiator). */
  networkRequestsFrom(origin: string, range?: RequestRange): Promise<NetworkRequest[]>;
  stop(): Promise<void>;
}

const NETWORK_SCHEMES = /^(https?|wss?):/i;
const WORKER_TYPES = new Set(['service_worker', 'shared_worker']);

interface CdpRequestEvent {
  request: { url: string; method: string };
  type?: string;
  initiator: { type: string; url?: string };
}

function optional<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export async function collectRequests(browser: Browser): Promise<RequestCollector> {
  const requests: NetworkRequest[] = [];
  const pages = new Set<Page>();
  const sessions = new Set<CDPSession>();
  const onPageRequest = (page: Page) => (request: HTTPRequest) => {
    // Firefox (WebDriver BiDi) has no initiator or resource type: record what there is.
    const initiator = optional(() => request.initiator());
    const record: NetworkRequest = {
      url: request.url(),
      method: request.method(),
      resourceType: optional(() => request.resourceType()) ?? 'other',
      targetType: 'page',
      targetUrl: page.url(),
      frameUrl: request.frame()?.url() ?? null,
      initiator: initiator ? { type: initiator.type, url: initiator.url } : { type: 'other' },
      time: Date.now(),
    };
    requests.push(record);
    locate(page, record);
  };
  const listeners = new Map<Page, (request: HTTPRequest) => void>();
  // Firefox reports no navigations to moz-extension pages, so page.url() can be stale there:
  // ask the page where it is (the filters below wait for these answers).
  const pending = new Set<Promise<void>>();
  const staleUrls = /firefox/i.test(await browser.version());
  const locate = (page: Page, record: NetworkRequest) => {
    if (!staleUrls) return;
    const lookup = page
      .evaluate(() => location.href)
      .then((href) => {
        record.targetUrl = href;
        record.frameUrl ??= href;
      })
      .catch(() => {})
      .finally(() => pending.delete(lookup));
    pending.add(lookup);
  };

  const attach = async (target: Target) => {
    try {
      const type = target.type();
      if (type === 'page' || type === 'background_page') {
        const page = await target.page();
        if (!page || pages.has(page)) return;
        pages.add(page);
        const listener = onPageRequest(page);
        listeners.set(page, listener);
        page.on('request', listener);
      } else if (WORKER_TYPES.has(type)) {
        const session = await target.createCDPSession();
        sessions.add(session);
        session.on('Network.requestWillBeSent', (event: CdpRequestEvent) => {
          requests.push({
            url: event.request.url,
            method: event.request.method,
            resourceType: (event.type ?? 'other').toLowerCase(),
            targetType: type,
            targetUrl: target.url(),
            frameUrl: null,
            initiator: event.initiator,
            time: Date.now(),
          });
        });
        await session.send('Network.enable');
      }
    } catch {
      // The target closed while attaching: nothing more to record from it.
    }
  };
  const onTargetCreated = (target: Target) => void attach(target);
  browser.on('targetcreated', onTargetCreated);
  await Promise.all(browser.targets().map(attach));

  const networkRequests = async ({ from = 0, to = requests.length }: RequestRange = {}) => {
    await Promise.all([...pending]);
    return requests.slice(from, to).filter((request) => NETWORK_SCHEMES.test(request.url));
  };
  return {
    requests,
    networkRequests,
    networkRequestsFrom: async (origin, range) =>
      (await networkRequests(range)).filter((request) =>
        [request.targetUrl, request.frameUrl, request.initiator.url].some((url) =>
          url?.startsWith(origin),
        ),
      ),
    stop: async () => {
      browser.off('targetcreated', onTargetCreated);
      for (const [page, listener] of listeners) page.off('request', listener);
      await Promise.all([...sessions].map((session) => session.detach().catch(() => {})));
    },
  };
}
