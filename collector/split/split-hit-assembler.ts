/** How a split hit ended, told to every part's request alike. */
export interface SplitOutcome {
  status: number;
  reason?: string;
}

/** What one part learns: it completed the hit (and must store it), or how the hit ended. */
export type PartResult =
  | { kind: 'assembled'; query: string; settle: (outcome: SplitOutcome) => void }
  | { kind: 'settled'; outcome: SplitOutcome };

export interface SplitPart {
  messageId: string;
  /** 1-based. */
  index: number;
  count: number;
  data: string;
}

export interface AssemblerLimits {
  timeoutMs: number;
  maxMessages: number;
  maxParts: number;
  maxBytes: number;
}

interface Message {
  count: number;
  parts: Map<number, string>;
  bytes: number;
  waiters: Array<(outcome: SplitOutcome) => void>;
  timer: NodeJS.Timeout;
}

/**
 * Reassembles hits that were too long for one URL and arrived as `tw_part=i/n` requests sharing
 * a `tw_msg` id (collector/README.md, "Split hits"). No part is acknowledged before the whole
 * hit is stored: each part's response waits, and all of them get the outcome of the store. A
 * hit whose parts do not all arrive within the timeout is answered 408 on every part that came.
 */
export class SplitHitAssembler {
  private readonly messages = new Map<string, Message>();

  constructor(
    private readonly limits: AssemblerLimits,
    private readonly onExpired: () => void = () => undefined,
  ) {}

  get pendingMessages(): number {
    return this.messages.size;
  }

  /** Adds a part; the promise settles when the hit is complete and stored, or expires. */
  add(part: SplitPart): Promise<PartResult> | SplitOutcome {
    const problem = this.checkPart(part);
    if (problem !== undefined) {
      return problem;
    }
    const message = this.messageFor(part);
    if (message.count !== part.count) {
      return {
        status: 400,
        reason: `tw_part says ${part.count} parts, earlier parts said ${message.count}`,
      };
    }
    message.bytes += part.data.length - (message.parts.get(part.index)?.length ?? 0);
    message.parts.set(part.index, part.data);
    if (message.bytes > this.limits.maxBytes) {
      this.finish(part.messageId, {
        status: 413,
        reason: 'the reassembled hit is over the size limit',
      });
      return { status: 413, reason: 'the reassembled hit is over the size limit' };
    }
    if (message.parts.size < message.count) {
      return new Promise((resolve) => {
        message.waiters.push((outcome) => resolve({ kind: 'settled', outcome }));
      });
    }
    const query = [...message.parts.entries()]
      .sort(([left], [right]) => left - right)
      .map(([, data]) => data)
      .join('');
    return Promise.resolve({
      kind: 'assembled',
      query,
      settle: (outcome) => this.finish(part.messageId, outcome),
    });
  }

  /** Answers every waiting part (used at shutdown). */
  close(): void {
    for (const id of [...this.messages.keys()]) {
      this.finish(id, {
        status: 503,
        reason: 'the collector is stopping before all parts arrived',
      });
    }
  }

  private checkPart(part: SplitPart): SplitOutcome | undefined {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(part.messageId)) {
      return { status: 400, reason: 'tw_msg must be 1-64 letters, digits, - or _' };
    }
    if (!(
      part.count >= 1 &&
      part.count <= this.limits.maxParts &&
      part.index >= 1 &&
      part.index <= part.count
    )) {
      return {
        status: 400,
        reason: `tw_part must be i/n with 1 ≤ i ≤ n ≤ ${this.limits.maxParts}`,
      };
    }
    if (!this.messages.has(part.messageId) && this.messages.size >= this.limits.maxMessages) {
      return { status: 503, reason: 'too many split hits are waiting for their parts' };
    }
    return undefined;
  }

  private messageFor(part: SplitPart): Message {
    const existing = this.messages.get(part.messageId);
    if (existing !== undefined) {
      return existing;
    }
    const message: Message = {
      count: part.count,
      parts: new Map(),
      bytes: 0,
      waiters: [],
      timer: setTimeout(() => {
        this.onExpired();
        this.finish(part.messageId, {
          status: 408,
          reason: 'not all parts of the split hit arrived in time',
        });
      }, this.limits.timeoutMs),
    };
    this.messages.set(part.messageId, message);
    return message;
  }

  private finish(messageId: string, outcome: SplitOutcome): void {
    const message = this.messages.get(messageId);
    if (message === undefined) {
      return;
    }
    clearTimeout(message.timer);
    this.messages.delete(messageId);
    message.waiters.forEach((waiter) => waiter(outcome));
  }
}
